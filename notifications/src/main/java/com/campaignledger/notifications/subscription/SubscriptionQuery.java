package com.campaignledger.notifications.subscription;

import com.campaignledger.notifications.api.TriggerEvent;

/** QuerySubscriptions: an account's subscriptions, optionally by trigger, campaign and enabled, a page at a time. */
public record SubscriptionQuery(
        String accountId, TriggerEvent triggerEvent, Long campaignId, Boolean enabled, int page, int size) {}
