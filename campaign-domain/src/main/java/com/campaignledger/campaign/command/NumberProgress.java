package com.campaignledger.campaign.command;

import com.campaignledger.campaign.api.CallResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where one number of the call list stands: attempts made, the last result, when it may be called again,
 * whether it is done, and the last call's id (a report of the same call again changes nothing). Kept small (defaults are left out of snapshots): a campaign may hold 100,000.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
record NumberProgress(
        int attempts, CallResult lastResult, Instant retryAt, boolean done, String lastCallId, boolean scrubbed) {

    static final NumberProgress PENDING = new NumberProgress(0, null, null, false, null, false);

    /** Taken off the call list: never dialled again. */
    NumberProgress remove() {
        return new NumberProgress(attempts, lastResult, retryAt, true, lastCallId, scrubbed);
    }

    /** On a do-not-call list: never offered for dialing, as done as a final result. */
    NumberProgress scrub() {
        return new NumberProgress(attempts, lastResult, retryAt, true, lastCallId, true);
    }
}
