package com.campaignledger.operations;

/** A processor that cannot be replayed, or not now: a 409 that says why. */
class ReplayRefusedException extends RuntimeException {

    ReplayRefusedException(String detail) {
        super(detail);
    }
}
