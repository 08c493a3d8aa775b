package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ControlCccCampaign START: from SETUP or STOPPED to RUNNING; needs numbers and a caller id. */
public record StartCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision) implements RevisionedCommand {}
