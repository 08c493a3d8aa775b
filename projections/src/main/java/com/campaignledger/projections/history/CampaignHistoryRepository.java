package com.campaignledger.projections.history;

import com.campaignledger.projections.batch.InsertBatch;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The campaign_history index, and the audit trail read through it from the event store. */
@Repository
public class CampaignHistoryRepository {

    private final JdbcTemplate jdbc;
    private final InsertBatch inserts;

    public CampaignHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = InsertBatch.atEventPosition(
                jdbc,
                "INSERT INTO campaign_history (global_index, campaign_id, "
                        + "account_id, aggregate_identifier, sequence_number, event_type, actor, occurred_at)",
                "CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), e.aggregate_identifier, e.sequence_number, "
                        + "CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP WITH TIME ZONE)");
    }

    /** Written when the processor's batch commits, at the event's global index in the event store. */
    void insert(
            long campaignId, String accountId, String aggregate, long sequence, String type, String actor, Instant at) {
        inserts.addAt(aggregate, sequence, campaignId, accountId, type, actor, Timestamp.from(at));
    }

    Optional<String> accountOf(long campaignId) {
        return jdbc
                .queryForList(
                        "SELECT account_id FROM campaign_history WHERE campaign_id = ? ORDER BY global_index "
                                + "FETCH FIRST 1 ROWS ONLY",
                        String.class,
                        campaignId)
                .stream()
                .findFirst();
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_history");
    }

    /**
     * One page of a campaign's history in event order. Rows are found through the index (campaign, then type or
     * actor, then global index); payload and metadata come from the event store by primary key.
     */
    public HistoryPage find(HistoryQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args, false);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_history h" + where, Long.class, args.toArray());
        return new HistoryPage(rows(query), query.page(), query.size(), total);
    }

    /** The rows of {@link #find} without counting them all: an export reads page after page by {@code after}. */
    public List<HistoryRecord> rows(HistoryQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args, true);
        args.add((long) query.page() * query.size());
        args.add(query.size());
        return jdbc.query(
                "SELECT h.global_index, h.occurred_at, h.event_type, h.aggregate_identifier, "
                        + "h.sequence_number, h.actor, e.payload, e.meta_data FROM campaign_history h "
                        + "JOIN domain_event_entry e ON e.global_index = h.global_index" + where
                        + " ORDER BY h.global_index OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                MAPPER,
                args.toArray());
    }

    /** The query's filters; the total counts every page, so {@code after} only narrows the rows. */
    private static String where(HistoryQuery query, List<Object> args, boolean withAfter) {
        StringBuilder where = new StringBuilder(" WHERE h.campaign_id = ? AND h.account_id = ?");
        args.add(query.campaignId());
        args.add(query.accountId());
        if (query.from() != null) {
            where.append(" AND h.occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND h.occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (query.type() != null) {
            where.append(" AND h.event_type = ?");
            args.add(query.type());
        }
        if (query.actor() != null) {
            where.append(" AND h.actor = ?");
            args.add(query.actor());
        }
        if (withAfter && query.after() != null) {
            where.append(" AND h.global_index > ?");
            args.add(query.after());
        }
        return where.toString();
    }

    private static final RowMapper<HistoryRecord> MAPPER = (rs, n) -> new HistoryRecord(
            rs.getLong("global_index"),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("event_type"),
            rs.getString("aggregate_identifier"),
            rs.getLong("sequence_number"),
            rs.getString("actor"),
            text(rs.getBytes("payload")),
            text(rs.getBytes("meta_data")));

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
