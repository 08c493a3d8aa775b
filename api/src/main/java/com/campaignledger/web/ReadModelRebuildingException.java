package com.campaignledger.web;

/**
 * A read model is being rebuilt from the first event and does not show the resource yet: a 503 with
 * Retry-After, not a 404, so a client does not take a campaign that exists for one that does not.
 */
public class ReadModelRebuildingException extends RuntimeException {

    /** Seconds a client should wait before it asks again. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private final String readModel;

    public ReadModelRebuildingException(String readModel, String detail) {
        super(detail);
        this.readModel = readModel;
    }

    public String readModel() {
        return readModel;
    }
}
