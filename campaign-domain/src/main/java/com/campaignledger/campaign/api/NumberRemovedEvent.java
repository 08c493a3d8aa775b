package com.campaignledger.campaign.api;

/** A number was taken off the call list before its final result: kept on record, never dialled again. */
public record NumberRemovedEvent(CampaignId campaignId, String number) {}
