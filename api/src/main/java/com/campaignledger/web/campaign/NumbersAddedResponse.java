package com.campaignledger.web.campaign;

/** What an upload of numbers answers: how many were added, how many skipped as duplicates, the new version. */
public record NumbersAddedResponse(long id, int added, int duplicatesSkipped, int scrubbed, long version) {}
