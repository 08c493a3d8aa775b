package com.campaignledger.campaign.api;

import java.time.Instant;

/** What RecordCallResult answers: the attempt's number, whether the number is done, when it is retried. */
public record CallRecorded(int attempt, boolean finalForNumber, Instant retryAt, boolean campaignFinished) {}
