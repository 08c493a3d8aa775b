package com.campaignledger.notifications.outbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A delivery with the account it belongs to, for an ADMIN who oversees every account's deliveries. */
public record AccountDelivery(
        String accountId, @JsonUnwrapped Delivery delivery) {}
