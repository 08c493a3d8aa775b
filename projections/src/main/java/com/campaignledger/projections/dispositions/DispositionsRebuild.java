package com.campaignledger.projections.dispositions;

import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.projections.replay.SetBasedRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link DispositionsProjection} in SQL, for replays on PostgreSQL, handler by handler:
 * <ul>
 *     <li>a campaign's creation and an agent's callback name the campaign's account ({@code disposition_campaign},
 *     the first one kept);</li>
 *     <li>a recorded call result counts its {@code result}, an agent's stored response its {@code agentResponse}
 *     unless blank as Java's {@link String#isBlank()} sees it, in the hour (UTC) the event was stored, under the
 *     metadata's account or else the campaign's, which is what its creation event names.</li>
 * </ul>
 * Every range reads only the event table, never the model, so ranges may be written in any order, also at once.
 */
@Component
public class DispositionsRebuild implements SetBasedRebuild {

    private static final String CAMPAIGNS = """
            INSERT INTO disposition_campaign (campaign_id, account_id)
            SELECT DISTINCT ON (campaign_id) campaign_id, account_id
            FROM (SELECT e.global_index, (j ->> 'campaignId')::bigint AS campaign_id, j ->> 'accountId' AS account_id
                  FROM domain_event_entry e CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
                  WHERE e.global_index BETWEEN ? AND ? AND e.payload_type IN (?, ?)) c
            ORDER BY campaign_id, global_index
            ON CONFLICT DO NOTHING""";

    private static final String EVENTS = """
            INSERT INTO disposition_event (global_index, campaign_id, account_id, hour_start, kind, disposition)
            SELECT x.global_index, x.campaign_id,
                   COALESCE(x.meta_account,
                            (SELECT convert_from(c.payload, 'UTF8')::jsonb ->> 'accountId' FROM domain_event_entry c
                             WHERE c.aggregate_identifier = 'campaign-' || x.campaign_id AND c.sequence_number = 0)),
                   date_trunc('hour', x.time_stamp::timestamptz, 'UTC'), x.kind, x.disposition
            FROM (
                SELECT e.global_index, e.time_stamp, (p.j ->> 'campaignId')::bigint AS campaign_id,
                       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'accountId' AS meta_account,
                       CASE WHEN e.payload_type = ? THEN 'CALL_RESULT' ELSE 'AGENT_RESPONSE' END AS kind,
                       CASE WHEN e.payload_type = ? THEN p.j ->> 'result' ELSE p.j ->> 'agentResponse' END AS disposition
                FROM domain_event_entry e CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
                WHERE e.global_index BETWEEN ? AND ? AND e.payload_type IN (?, ?)
            ) x
            WHERE x.kind = 'CALL_RESULT' OR x.disposition ~ ?
            ON CONFLICT DO NOTHING""";

    /**
     * A character that is not whitespace to {@link Character#isWhitespace(int)} (what {@link String#isBlank()} tests),
     * as a PostgreSQL regular expression: a response with one is counted.
     */
    static final String NOT_BLANK =
            "[^ \\t\\n\\v\\f\\r\\u001C-\\u001F\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";

    private final JdbcTemplate jdbc;

    public DispositionsRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String processingGroup() {
        return DispositionsProjection.PROCESSING_GROUP;
    }

    @Override
    public long rebuild(long from, long to) {
        String callResult = CallResultRecordedEvent.class.getName();
        jdbc.update(CAMPAIGNS, from, to, CampaignCreatedEvent.class.getName(), AgentCallbackSentEvent.class.getName());
        return jdbc.update(
                EVENTS,
                callResult,
                callResult,
                from,
                to,
                callResult,
                AgentResponseStoredEvent.class.getName(),
                NOT_BLANK);
    }
}
