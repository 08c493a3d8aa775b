package com.campaignledger.notifications;

/** A subscription, postback or delivery the account does not have: a 404. */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String detail) {
        super(detail);
    }
}
