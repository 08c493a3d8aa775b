package com.campaignledger.dialer.agents;

/** A holder (a credential or an invite token) already has its cap of connection waits: a 429. */
public class TooManyWaitsException extends RuntimeException {

    public TooManyWaitsException(int cap) {
        super("At most " + cap + " connection long-polls may wait at once for this credential or invite token; "
                + "end one, or retry after the time in Retry-After");
    }
}
