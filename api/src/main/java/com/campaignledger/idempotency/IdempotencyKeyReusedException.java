package com.campaignledger.idempotency;

/** An idempotency key sent again with a different request: a 422, and nothing is done. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The idempotency key " + key + " was first used with another request; use a new key for a new request");
    }
}
