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
    CARRIER_TEMP_ERROR;

    /**
     * The counter of seed 001's campaign-stats this result is counted under: the one definition of that rule, for
     * the stats read model and the notifications alike. Exhaustive, so a new result must be given its counter.
     */
    public ResultCategory category() {
        return switch (this) {
            case LA -> ResultCategory.LIVE;
            case AM -> ResultCategory.MACHINE;
            case NO_ANS -> ResultCategory.NOANSWER;
            case DNC -> ResultCategory.DNC;
            case BUSY -> ResultCategory.BUSY;
            case XFER, XFER_LEG -> ResultCategory.TRANSFER;
            case INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, INVALID_NUMBER -> ResultCategory.ERROR;
            case SD, ABANDONED -> ResultCategory.ABANDONED;
            case UNDIALED, POSTPONED, SKIPPED, DNT -> ResultCategory.MISC;
        };
    }

    /**
     * What the attempt is to the abandonment rule (SPEC 3.7): a live answer (LA, or XFER: answered, then
     * transferred), a drop of a live answer with the safe-harbor message (SD) or without it (ABANDONED); empty for
     * every other result, which the rule does not count.
     */
    public java.util.Optional<LiveAnswer> liveAnswer() {
        return switch (this) {
            case LA, XFER -> java.util.Optional.of(LiveAnswer.CONNECTED);
            case SD -> java.util.Optional.of(LiveAnswer.DROPPED_WITH_MESSAGE);
            case ABANDONED -> java.util.Optional.of(LiveAnswer.DROPPED_WITHOUT_MESSAGE);
            default -> java.util.Optional.empty();
        };
    }
}
