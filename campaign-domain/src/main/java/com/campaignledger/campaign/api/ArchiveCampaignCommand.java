package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ControlCccCampaign ARCHIVE: from SETUP, STOPPED or FINISHED to ARCHIVED. */
public record ArchiveCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision) implements RevisionedCommand {}
