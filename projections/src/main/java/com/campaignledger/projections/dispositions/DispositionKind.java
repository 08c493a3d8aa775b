package com.campaignledger.projections.dispositions;

/** What a counted disposition is: a dial attempt's result (LA, BUSY, ...) or the answer an agent recorded. */
public enum DispositionKind {
    CALL_RESULT,
    AGENT_RESPONSE
}
