package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ControlCccCampaign STOP: from RUNNING to STOPPED. */
public record StopCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision)
        implements RevisionedCommand {}
