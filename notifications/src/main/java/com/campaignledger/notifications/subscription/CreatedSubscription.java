package com.campaignledger.notifications.subscription;

/** A new subscription and its signing secret: the only time the secret leaves the ledger. */
public record CreatedSubscription(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "CreatedSubscription[" + subscription + ", secret=******]";
    }
}
