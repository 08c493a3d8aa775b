package com.campaignledger.projections.campaign;

import java.time.Instant;

/** A campaign as it was at an instant, rebuilt from its events in the event store (not from a read model). */
public record FindCampaignAsOfQuery(long campaignId, String accountId, Instant asOf) {}
