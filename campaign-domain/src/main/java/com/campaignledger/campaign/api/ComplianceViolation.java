package com.campaignledger.campaign.api;

/**
 * What a reported dial attempt broke (SPEC §3.6): it is recorded all the same (the call happened), with the violation,
 * counted in the stats and shown in the audit trail.
 */
public enum ComplianceViolation {
    /** The number was on one of the account's do-not-call lists when it was dialled. */
    DNC,
    /** The attempt started outside the campaign's localRestrictBegin/End in the number's own time zone. */
    CALLING_WINDOW
}
