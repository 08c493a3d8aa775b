package com.campaignledger.campaign.api;

/** What AddNumbers answers: how many numbers were new, how many were skipped as duplicates, the new revision. */
public record NumbersAdded(int added, int duplicatesSkipped, long revision) {}
