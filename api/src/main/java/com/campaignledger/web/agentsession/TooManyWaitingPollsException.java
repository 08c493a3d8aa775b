package com.campaignledger.web.agentsession;

/** A holder (credential or invite token) already has its cap of connection long-polls waiting: a 429. */
class TooManyWaitingPollsException extends RuntimeException {

    TooManyWaitingPollsException(int cap) {
        super("At most " + cap + " connection long-polls may wait at once for this credential or invite token; "
                + "end one, or retry after the time in Retry-After");
    }
}
