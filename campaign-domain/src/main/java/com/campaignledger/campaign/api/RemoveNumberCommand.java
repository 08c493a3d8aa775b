package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a number not yet dialled to a final result off the call list: it is never dialled again. */
public record RemoveNumberCommand(@TargetAggregateIdentifier CampaignId campaignId, String number) {}
