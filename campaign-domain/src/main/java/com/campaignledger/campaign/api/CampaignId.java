package com.campaignledger.campaign.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ledger-assigned id of a CCC campaign (CallFire's long campaign id).
 * <p>
 * {@link #toString()} is the aggregate identifier in the event store: it carries a prefix because every
 * aggregate type shares one event table, whose (aggregate id, sequence) pair must stay unique.
 */
public record CampaignId(long value) {

    private static final String PREFIX = "campaign-";

    public CampaignId {
        if (value <= 0) {
            throw new IllegalArgumentException("campaign id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CampaignId of(long value) {
        return new CampaignId(value);
    }

    /** Reads an aggregate identifier as stored in the event table. */
    public static CampaignId fromAggregateIdentifier(String identifier) {
        if (identifier == null || !identifier.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a campaign aggregate identifier: " + identifier);
        }
        return of(Long.parseLong(identifier.substring(PREFIX.length())));
    }

    @Override
    @JsonValue
    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
