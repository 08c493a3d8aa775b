package com.campaignledger.dialer.calllist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A campaign's numbers with where each stands (SPEC §3.6), from the dialer's call list. */
@Component
public class NumberStates {

    /** Where a number stands. */
    public enum State {
        /** Due (or waiting for the campaign to run). */
        PENDING,
        /** Handed to an external dialer, until it reports or the lease ends. */
        LEASED,
        /** Called, to be called again from {@code nextAttemptAt}. */
        RETRY_WAIT,
        /** Dialled to its final result. */
        FINAL,
        /** On a do-not-call list: never dialled. */
        SCRUBBED,
        /** Taken off the call list before its final result. */
        REMOVED
    }

    /** One number of the call list. */
    public record CampaignNumber(
            String number,
            Map<String, String> extraData,
            State state,
            int attempts,
            String lastResult,
            Instant nextAttemptAt,
            Instant leaseUntil) {}

    public record NumberPage(List<CampaignNumber> content, int page, int size, long totalElements) {}

    private static final String STATE =
            "CASE WHEN removed THEN 'REMOVED' WHEN scrubbed THEN 'SCRUBBED' WHEN done THEN 'FINAL' "
                    + "WHEN lease_until > ? THEN 'LEASED' WHEN retry_at > ? THEN 'RETRY_WAIT' ELSE 'PENDING' END";

    private final JdbcTemplate jdbc;

    NumberStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the campaign's numbers in number order, of one state or all. */
    public NumberPage page(long campaignId, State state, int page, int size, Instant now) {
        String where = " FROM dialer_number WHERE campaign_id = ?" + (state == null ? "" : " AND " + STATE + " = ?");
        List<Object> args = new ArrayList<>(List.of(campaignId));
        if (state != null) {
            args.add(Timestamp.from(now));
            args.add(Timestamp.from(now));
            args.add(state.name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> rowArgs = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
        rowArgs.addAll(args);
        rowArgs.add(size);
        rowArgs.add((long) page * size);
        List<CampaignNumber> content = jdbc.query(
                "SELECT number, extra_data, " + STATE + " AS state, attempts, last_result, retry_at, lease_until"
                        + where + " ORDER BY number LIMIT ? OFFSET ?",
                NUMBER,
                rowArgs.toArray());
        return new NumberPage(content, page, size, total == null ? 0 : total);
    }

    /** Up to {@code size} of the campaign's numbers after {@code afterNumber}, in number order, without a count: exports. */
    public List<CampaignNumber> after(long campaignId, State state, String afterNumber, int size, Instant now) {
        String where = " FROM dialer_number WHERE campaign_id = ? AND number > ?"
                + (state == null ? "" : " AND " + STATE + " = ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now), campaignId, afterNumber));
        if (state != null) {
            args.add(Timestamp.from(now));
            args.add(Timestamp.from(now));
            args.add(state.name());
        }
        args.add(size);
        return jdbc.query(
                "SELECT number, extra_data, " + STATE + " AS state, attempts, last_result, retry_at, lease_until"
                        + where + " ORDER BY number LIMIT ?",
                NUMBER,
                args.toArray());
    }

    private static final org.springframework.jdbc.core.RowMapper<CampaignNumber> NUMBER = (rs, n) -> new CampaignNumber(
            rs.getString("number"),
            CallListRepository.readMap(rs.getString("extra_data")),
            State.valueOf(rs.getString("state")),
            rs.getInt("attempts"),
            rs.getString("last_result"),
            instant(rs.getTimestamp("retry_at")),
            instant(rs.getTimestamp("lease_until")));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
