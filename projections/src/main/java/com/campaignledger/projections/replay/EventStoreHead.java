package com.campaignledger.projections.replay;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the event store stands when a set-based replay begins: its first and last positions, and the positions at most
 * {@value #GAP_WINDOW} below the last that no committed event holds yet.
 *
 * @param first the lowest global index in the store
 * @param head  H, the highest global index in the store
 * @param gaps  the positions below H whose events are in transactions still in flight, in order
 */
record EventStoreHead(long first, long head, List<Long> gaps) {

    /** Axon's JDBC event store keeps gaps this far below a token's position (its default maxGapOffset). */
    static final int GAP_WINDOW = 10_000;

    /**
     * The head and, below it, the positions no committed event holds: events of transactions still in flight,
     * which the processor must read when they commit. One statement, so both come from one snapshot; the ranges
     * written afterwards see at least every event this one saw.
     *
     * @return null when the store holds no event
     */
    static EventStoreHead read(JdbcTemplate jdbc) {
        return jdbc.query(
                """
                WITH bounds AS (SELECT MIN(global_index) AS first, MAX(global_index) AS head FROM domain_event_entry)
                SELECT b.first, b.head, ARRAY(
                    SELECT g FROM generate_series(GREATEST(1, b.head - ?), b.head - 1) AS g
                    WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = g) ORDER BY g) AS gaps
                FROM bounds b WHERE b.head IS NOT NULL""",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    Array gaps = rs.getArray("gaps");
                    List<Long> missing = Arrays.stream((Long[]) gaps.getArray()).toList();
                    return new EventStoreHead(rs.getLong("first"), rs.getLong("head"), missing);
                },
                GAP_WINDOW);
    }
}
