package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** updateRatio: lines dialled per ready agent, 1.0 to 4.0. */
public record UpdateDialRatioCommand(
        @TargetAggregateIdentifier CampaignId campaignId, double ratio, Long expectedRevision)
        implements RevisionedCommand {

    public static final double MIN_RATIO = 1.0;
    public static final double MAX_RATIO = 4.0;
}
