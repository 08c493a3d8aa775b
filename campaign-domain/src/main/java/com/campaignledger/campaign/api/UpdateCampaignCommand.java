package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * UpdateCccCampaign: changes only the settings the patch names. {@code expectedRevision}, when given,
 * must be the campaign's current revision (HTTP If-Match).
 */
public record UpdateCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId, CampaignPatch patch, Long expectedRevision)
        implements RevisionedCommand {}
