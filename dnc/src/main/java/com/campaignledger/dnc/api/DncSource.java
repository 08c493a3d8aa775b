package com.campaignledger.dnc.api;

/** How a number came onto a list: put there by someone, or by a DNC result of a call. */
public enum DncSource {
    MANUAL,
    CALL_RESULT
}
