package com.campaignledger.notifications;

/** A request that the current state forbids (a stale If-Match, a redelivery to a deleted subscription). */
public class NotificationConflictException extends RuntimeException {

    private final boolean preconditionFailed;

    public NotificationConflictException(String detail, boolean preconditionFailed) {
        super(detail);
        this.preconditionFailed = preconditionFailed;
    }

    /** Whether this is a stale If-Match (412) rather than a state conflict (409). */
    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
