package com.campaignledger.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The page and size checks every paged list shares: a 400 naming the parameter, with {@code ledger.max-page-size}. */
@Component
public class PageLimits {

    private final int maxPageSize;

    PageLimits(@Value("${ledger.max-page-size}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public void check(int page, int size) {
        if (page < 0) {
            throw new RequestValidationException("page", "must not be negative");
        }
        if (size < 1 || size > maxPageSize) {
            throw new RequestValidationException("size", "must be between 1 and " + maxPageSize);
        }
    }
}
