package com.campaignledger.web.campaign;

import java.time.Instant;

/** What the ledger made of a reported call: its id, the attempt, whether the number is done, when it is retried. */
public record CallRecordedResponse(
        String callId, String number, int attempt, boolean finalForNumber, Instant retryAt, boolean campaignFinished) {}
