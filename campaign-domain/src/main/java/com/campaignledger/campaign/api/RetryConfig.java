package com.campaignledger.campaign.api;

import java.util.List;

/**
 * When a number is called again: a result in {@code retryResults} is retried after
 * {@code minutesBetweenAttempts} until {@code maxAttempts} dials have been made.
 */
public record RetryConfig(
        Integer maxAttempts,
        Integer minutesBetweenAttempts,
        List<CallResult> retryResults,
        List<RetryPhoneType> retryPhoneTypes) {

    public static final int DEFAULT_MAX_ATTEMPTS = 1;
    public static final int DEFAULT_MINUTES_BETWEEN_ATTEMPTS = 60;
    public static final RetryConfig DEFAULT = new RetryConfig(null, null, null, null);

    /** Fills what was left out with CallFire's defaults (1 attempt, 60 minutes, first number). */
    public RetryConfig {
        maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
        minutesBetweenAttempts =
                minutesBetweenAttempts == null ? DEFAULT_MINUTES_BETWEEN_ATTEMPTS : minutesBetweenAttempts;
        retryResults = retryResults == null ? List.of() : List.copyOf(retryResults);
        retryPhoneTypes = retryPhoneTypes == null || retryPhoneTypes.isEmpty()
                ? List.of(RetryPhoneType.FIRST_NUMBER)
                : List.copyOf(retryPhoneTypes);
    }
}
