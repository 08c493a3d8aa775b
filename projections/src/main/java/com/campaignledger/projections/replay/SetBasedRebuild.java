package com.campaignledger.projections.replay;

/**
 * A read model that can also be rebuilt in SQL, straight from the event table, for replays on PostgreSQL.
 * <p>
 * Its event handlers stay the one definition of the model: they build it live, and this is their twin for a whole
 * range of past events at once, writing exactly the rows they would have written (tests compare the two row for
 * row). A replay through Axon costs a unit of work, a deserialized event and a row written per event; this costs
 * one {@code INSERT ... SELECT} per range, so the events never leave the database.
 * <p>
 * The caller empties the model first (its reset handler, through Axon's token reset) and hands the ranges over in
 * ascending order, each in a transaction of its own, with the processor stopped and every segment held by the
 * replaying instance: nobody else writes the model meanwhile. A row written by two ranges (a campaign's) is
 * upserted or ignored; a row that is one event's may be inserted plainly: should it be there after all, the range
 * fails and Axon's replay, whose handlers skip what is there, finishes the model instead.
 */
public interface SetBasedRebuild {

    /** The processing group whose read model this rebuilds. */
    String processingGroup();

    /**
     * Writes, in the caller's transaction, the rows the handlers write for the events whose global index is in
     * {@code [from, to]}, on PostgreSQL.
     *
     * @return rows written
     */
    long rebuild(long from, long to);

    /**
     * Whether the ranges must be written one after the other, in order: true for a model whose rows fold several
     * events of an aggregate (an older event written after a newer one would be skipped); false when every event
     * writes rows of its own, so ranges may be written side by side.
     */
    default boolean ordered() {
        return false;
    }

    /**
     * Whether an ordered rebuild's rows each fold the events of a single aggregate, so the aggregates can be shared
     * out and each share rebuilt in order, side by side with the others ({@link #rebuild(long, long, int, int)}).
     */
    default boolean partitionable() {
        return false;
    }

    /**
     * As {@link #rebuild(long, long)}, for the aggregates whose number modulo {@code partitions} is {@code partition}
     * only; called when {@link #partitionable()}.
     */
    default long rebuild(long from, long to, int partition, int partitions) {
        throw new UnsupportedOperationException(processingGroup() + " is not rebuilt in shares");
    }
}
