package com.campaignledger.projections.history;

import com.campaignledger.projections.replay.SetBasedRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link CampaignHistoryProjection} in SQL, for replays on PostgreSQL: one row per event of a campaign or of one of its
 * agent sessions, with the same columns the handler writes.
 * <ul>
 *     <li>campaign: the number of a {@code campaign-} aggregate, or the {@code campaignId} of an agent session's
 *     event payload (other aggregates are skipped, as the handler skips them);</li>
 *     <li>account: the metadata's {@code accountId}; for events written without one (the dialer's), the payload's, or
 *     else the campaign's, which is what its creation event names (the handler remembers the first account it
 *     resolved for the campaign: the same one);</li>
 *     <li>type: {@link EventTypes#nameOf(String)} of the payload type; actor: the metadata's {@code actor}; time: the
 *     stored timestamp.</li>
 * </ul>
 * Every range reads only the event table, never the model, so ranges may be written in any order, also at once.
 * Each row is one event's, written by one range into an emptied table: a plain insert, without the unique-index
 * check of {@code ON CONFLICT} (about a fifth of a range's time).
 */
@Component
public class CampaignHistoryRebuild implements SetBasedRebuild {

    /** The metadata, and the payload only where the handler reads it (a session's campaign, a missing account). */
    private static final String SQL = """
            INSERT INTO campaign_history (global_index, campaign_id, account_id, aggregate_identifier, sequence_number,
                                          event_type, actor, occurred_at)
            SELECT x.global_index, x.campaign_id,
                   COALESCE(x.meta_account, x.payload ->> 'accountId',
                            (SELECT convert_from(c.payload, 'UTF8')::jsonb ->> 'accountId' FROM domain_event_entry c
                             WHERE c.aggregate_identifier = 'campaign-' || x.campaign_id AND c.sequence_number = 0)),
                   x.aggregate_identifier, x.sequence_number,
                   CASE WHEN x.simple_type LIKE '_%Event' THEN left(x.simple_type, -5) ELSE x.simple_type END,
                   x.actor, x.time_stamp::timestamptz
            FROM (
                SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.time_stamp, m.actor, m.meta_account,
                       p.payload, substring(e.payload_type FROM '[^.$]*$') AS simple_type,
                       CASE WHEN e.aggregate_identifier LIKE 'campaign-%' THEN substr(e.aggregate_identifier, 10)::bigint
                            ELSE (p.payload ->> 'campaignId')::bigint END AS campaign_id
                FROM domain_event_entry e
                -- json_to_record reads both fields in one pass over the text: half the cost of a jsonb parse.
                LEFT JOIN LATERAL (SELECT r.actor, r."accountId" AS meta_account
                                   FROM json_to_record(convert_from(e.meta_data, 'UTF8')::json)
                                        AS r(actor text, "accountId" text)) m ON TRUE
                CROSS JOIN LATERAL (SELECT CASE WHEN e.aggregate_identifier LIKE 'agent-session-%' OR m.meta_account IS NULL
                                                THEN convert_from(e.payload, 'UTF8')::jsonb END AS payload) p
                WHERE e.global_index BETWEEN ? AND ? AND e.type IS NOT NULL
                  AND (e.aggregate_identifier LIKE 'campaign-%' OR e.aggregate_identifier LIKE 'agent-session-%')
            ) x
            WHERE x.campaign_id IS NOT NULL
            -- In the order of the secondary indexes (each starts with the campaign): their leaf pages are filled one
            -- after the other instead of a few rows at a time each, about a fifth less time per range.
            ORDER BY x.campaign_id, x.global_index
            """;

    private final JdbcTemplate jdbc;

    public CampaignHistoryRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String processingGroup() {
        return CampaignHistoryProjection.PROCESSING_GROUP;
    }

    @Override
    public long rebuild(long from, long to) {
        return jdbc.update(SQL, from, to);
    }
}
