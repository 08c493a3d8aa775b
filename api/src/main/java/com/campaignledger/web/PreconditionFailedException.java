package com.campaignledger.web;

/** An If-Match header that can never match: a 412. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
