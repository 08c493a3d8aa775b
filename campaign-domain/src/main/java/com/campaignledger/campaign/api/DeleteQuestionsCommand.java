package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** DeleteCccCampaignQuestions: clears the campaign's questions. */
public record DeleteQuestionsCommand(
        @TargetAggregateIdentifier CampaignId campaignId, Long expectedRevision) implements RevisionedCommand {}
