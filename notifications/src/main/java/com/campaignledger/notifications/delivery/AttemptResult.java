package com.campaignledger.notifications.delivery;

/** How one attempt ended: delivered or not, the HTTP status when there was a response, and what went wrong. */
record AttemptResult(boolean delivered, Integer statusCode, String error) {

    static AttemptResult delivered(int statusCode) {
        return new AttemptResult(true, statusCode, null);
    }

    static AttemptResult failed(Integer statusCode, String error) {
        return new AttemptResult(false, statusCode, error);
    }
}
