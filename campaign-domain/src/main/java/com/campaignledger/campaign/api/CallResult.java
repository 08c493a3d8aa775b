package com.campaignledger.campaign.api;

/** The outcome of one dial attempt: CallFire's Result list for calls. */
public enum CallResult {
    /** Live answer. */
    LA,
    /** Answering machine. */
    AM,
    BUSY,
    /** Do not call. */
    DNC,
    /** Transferred. */
    XFER,
    /** The transferred leg of a call. */
    XFER_LEG,
    /** No answer. */
    NO_ANS,
    UNDIALED,
    /** Smart drop. */
    SD,
    POSTPONED,
    ABANDONED,
    SKIPPED,
    INVALID_NUMBER,
    /** Do not text / do not try. */
    DNT,
    INTERNAL_ERROR,
    CARRIER_ERROR,
    CARRIER_TEMP_ERROR
}
