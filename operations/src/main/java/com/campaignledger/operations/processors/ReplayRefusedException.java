package com.campaignledger.operations.processors;

/** A processor that cannot be replayed, or not now: a 409 that says why. */
public class ReplayRefusedException extends RuntimeException {

    ReplayRefusedException(String detail) {
        super(detail);
    }
}
