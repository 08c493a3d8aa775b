package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Loads a campaign into the command side's memory and changes nothing: sent at start-up for the running
 * campaigns, so the first call reported after a restart does not wait for a large campaign's snapshot. Answers the
 * campaign's {@link CampaignStatus} as of the newest event stored, unlike the read models, which follow a moment behind.
 */
public record LoadCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {}
