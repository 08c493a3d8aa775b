package com.campaignledger.projections.dispositions;

import com.campaignledger.projections.batch.InsertBatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The disposition_event and disposition_campaign tables, and the hourly counts read from them. */
@Repository
public class DispositionsRepository {

    private final JdbcTemplate jdbc;
    private final InsertBatch events;

    public DispositionsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = InsertBatch.atEventPosition(
                jdbc,
                "INSERT INTO disposition_event (global_index, campaign_id, "
                        + "account_id, hour_start, kind, disposition)",
                "CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), "
                        + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255))");
    }

    void insertCampaign(long campaignId, String accountId) {
        jdbc.update(
                "INSERT INTO disposition_campaign (campaign_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                campaignId,
                accountId);
    }

    Optional<String> accountOf(long campaignId) {
        return jdbc
                .queryForList(
                        "SELECT account_id FROM disposition_campaign WHERE campaign_id = ?", String.class, campaignId)
                .stream()
                .findFirst();
    }

    /** Written when the processor's batch commits, keyed by the event's global index in the event store. */
    void insertEvent(
            String aggregate,
            long sequence,
            long campaignId,
            String accountId,
            Instant hour,
            DispositionKind kind,
            String disposition) {
        events.addAt(aggregate, sequence, campaignId, accountId, Timestamp.from(hour), kind.name(), disposition);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM disposition_event");
        jdbc.update("DELETE FROM disposition_campaign");
    }

    /** A campaign's counts by hour, kind and disposition, oldest hour first; {@code from} inclusive, {@code to} exclusive. */
    public List<DispositionCount> countsPerHour(long campaignId, String accountId, Instant from, Instant to) {
        StringBuilder sql =
                new StringBuilder("SELECT hour_start, kind, disposition, COUNT(*) AS n FROM disposition_event "
                        + "WHERE campaign_id = ? AND account_id = ?");
        List<Object> args = new ArrayList<>(List.of(campaignId, accountId));
        if (from != null) {
            sql.append(" AND hour_start >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND hour_start < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" GROUP BY hour_start, kind, disposition ORDER BY hour_start, kind, disposition");
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new DispositionCount(
                        rs.getTimestamp("hour_start").toInstant(),
                        DispositionKind.valueOf(rs.getString("kind")),
                        rs.getString("disposition"),
                        rs.getLong("n")),
                args.toArray());
    }
}
