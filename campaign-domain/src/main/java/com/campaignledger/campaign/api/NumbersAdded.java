package com.campaignledger.campaign.api;

/**
 * What AddNumbers answers: how many numbers were new, how many were skipped as duplicates, how many of the new ones
 * were scrubbed (on a do-not-call list), the new revision.
 */
public record NumbersAdded(int added, int duplicatesSkipped, int scrubbed, long revision) {}
