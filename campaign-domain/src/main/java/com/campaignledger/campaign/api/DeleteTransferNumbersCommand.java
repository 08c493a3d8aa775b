package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** DeleteCccCampaignTransferNumbers: clears the campaign's transfer numbers. */
public record DeleteTransferNumbersCommand(
        @TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision) implements RevisionedCommand {}
