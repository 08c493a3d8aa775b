package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ADAPTIVE pacing changed the lines dialled per ready agent: recorded with the figures behind it (SPEC 3.7). Sent by
 * the dialer; accepted only from a campaign with ADAPTIVE pacing.
 */
public record AdjustDialRatioCommand(
        @TargetAggregateIdentifier CampaignId campaignId, double ratio, PacingBasis basis) {}
