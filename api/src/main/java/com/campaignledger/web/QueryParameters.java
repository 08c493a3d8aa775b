package com.campaignledger.web;

import java.time.Instant;

/** Checks the list and report endpoints share on their query parameters; each failure a 400 naming the parameter. */
public final class QueryParameters {

    private QueryParameters() {}

    /** A page number from 0 and a page size from 1 to {@code maxPageSize} ({@code ledger.max-page-size}). */
    public static void checkPage(int page, int size, int maxPageSize) {
        if (page < 0) {
            throw new RequestValidationException("page", "must not be negative");
        }
        if (size < 1 || size > maxPageSize) {
            throw new RequestValidationException("size", "must be between 1 and " + maxPageSize);
        }
    }

    /** A time window [from, to): when both are given, {@code to} must come after {@code from}. */
    public static void checkInterval(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RequestValidationException("to", "must be after from");
        }
    }
}
