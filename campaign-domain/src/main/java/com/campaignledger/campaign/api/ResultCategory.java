package com.campaignledger.campaign.api;

/**
 * The counters of seed 001's campaign-stats (SPEC section 4), and {@code abandoned}: each dialed number is counted once,
 * under the category of its latest result ({@link CallResult#category()}), so live + machine + noanswer + dnc + busy +
 * transfer + error + misc + abandoned = dialed. Seed 001's documents have no {@code abandoned} and count those
 * numbers under {@code misc} ({@link #seed001()}). The names are stored by the read models that count them: a
 * category is never renamed.
 */
public enum ResultCategory {
    /** Seed 001's {@code live}: live answers (LA). */
    LIVE,
    /** Seed 001's {@code machine}: answering machines (AM). */
    MACHINE,
    /** Seed 001's {@code noanswer}: calls nobody answered (NO_ANS). */
    NOANSWER,
    /** Seed 001's {@code dnc}: numbers not to be called (DNC). */
    DNC,
    /** Seed 001's {@code busy}: busy lines (BUSY). */
    BUSY,
    /** Seed 001's {@code transfer}: transferred calls and their transferred legs (XFER, XFER_LEG). */
    TRANSFER,
    /** Seed 001's {@code error}: INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, INVALID_NUMBER. */
    ERROR,
    /** Seed 001's {@code misc}: every other result (UNDIALED, POSTPONED, SKIPPED, DNT). */
    MISC,
    /** Drops of live answers (ABANDONED, SD): under {@code misc} in seed 001's documents. */
    ABANDONED;

    /** The counter of seed 001's documents this category adds to. */
    public ResultCategory seed001() {
        return this == ABANDONED ? MISC : this;
    }
}
