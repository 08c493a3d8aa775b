package com.campaignledger.campaign.command;

import com.campaignledger.campaign.api.CallResult;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where one number of the call list stands: attempts made, the last result, when it may be called again,
 * and whether it is done. Kept small (defaults are left out of snapshots): a campaign may hold 100,000.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
record NumberProgress(int attempts, CallResult lastResult, Instant retryAt, boolean done) {

    static final NumberProgress PENDING = new NumberProgress(0, null, null, false);
}
