package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** DeleteCccCampaign: allowed unless RUNNING; the campaign's history is kept. */
public record DeleteCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision) implements RevisionedCommand {}
