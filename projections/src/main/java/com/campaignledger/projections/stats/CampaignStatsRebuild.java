package com.campaignledger.projections.stats;

import static com.campaignledger.projections.stats.CampaignStatsRepository.column;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import com.campaignledger.campaign.api.ResultCategory;
import com.campaignledger.projections.replay.SetBasedRebuild;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live stats rebuilt in SQL on PostgreSQL ({@link SetBasedRebuild}): what {@link CampaignStatsProjection} does
 * event by event, a range of events at once. Every dial result is a handled event here, so feeding the handlers
 * costs a few round trips per event; in SQL a range costs three statements. Within a range a number moves from the
 * counter of its result before the range to that of its last result in it (the moves in between cancel out), so
 * ranges must come in order ({@link #ordered()}); campaigns are independent, so they are shared out and their shares
 * rebuilt side by side ({@link #partitionable()}).
 * <p>
 * The result-to-counter mapping and the per-call minutes are taken from the Java ({@link CallResult#category()},
 * the billing rule's whole minutes per call), so there is one definition of each.
 */
@Component
public class CampaignStatsRebuild implements SetBasedRebuild {

    private static final String CAMPAIGN_ID = "substr(e.aggregate_identifier, 10)::bigint";

    private static final String CREATED = """
            INSERT INTO campaign_stats (campaign_id, account_id, total, dialed, live, machine, noanswer, dnc, busy, transfer,
                                        error, misc, attempts, call_seconds, call_minutes, last_sequence)
            SELECT %s, convert_from(e.payload, 'UTF8')::jsonb ->> 'accountId', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                   e.sequence_number
            FROM domain_event_entry e
            WHERE e.global_index BETWEEN ? AND ? AND e.payload_type = ? AND mod(%s, ?) = ?
            ON CONFLICT DO NOTHING""".formatted(CAMPAIGN_ID, CAMPAIGN_ID);

    private static final String NUMBERS_ADDED = """
            UPDATE campaign_stats s SET total = s.total + x.added, last_sequence = GREATEST(s.last_sequence, x.seq)
            FROM (SELECT %s AS campaign_id, SUM(jsonb_array_length(convert_from(e.payload, 'UTF8')::jsonb -> 'added')) AS added,
                         MAX(e.sequence_number) AS seq
                  FROM domain_event_entry e
                  WHERE e.global_index BETWEEN ? AND ? AND e.payload_type = ? AND mod(%s, ?) = ?
                  GROUP BY 1) x
            WHERE s.campaign_id = x.campaign_id""".formatted(CAMPAIGN_ID, CAMPAIGN_ID);

    private static final String NUMBERS_SCRUBBED = """
            UPDATE campaign_stats s SET scrubbed = s.scrubbed + x.scrubbed, last_sequence = GREATEST(s.last_sequence, x.seq)
            FROM (SELECT %s AS campaign_id,
                         SUM(jsonb_array_length(convert_from(e.payload, 'UTF8')::jsonb -> 'numbers')) AS scrubbed,
                         MAX(e.sequence_number) AS seq
                  FROM domain_event_entry e
                  WHERE e.global_index BETWEEN ? AND ? AND e.payload_type = ? AND mod(%s, ?) = ?
                  GROUP BY 1) x
            WHERE s.campaign_id = x.campaign_id""".formatted(CAMPAIGN_ID, CAMPAIGN_ID);

    private final JdbcTemplate jdbc;
    private final String callsRecorded;

    public CampaignStatsRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.callsRecorded = callsRecordedSql();
    }

    /** One statement: the numbers' rows, then the campaign's counters, from the dial results of the range. */
    private static String callsRecordedSql() {
        String category = Arrays.stream(CallResult.values())
                .map(r -> "WHEN '" + r.name() + "' THEN '" + r.category().name() + "'")
                .collect(Collectors.joining(" ", "CASE x.result ", " END"));
        String moves = Arrays.stream(ResultCategory.values())
                .map(c -> "SUM((m.now = '" + c.name() + "')::int - COALESCE((m.before = '" + c.name()
                        + "')::int, 0)) AS " + column(c))
                .collect(Collectors.joining(", "));
        String counters = Arrays.stream(ResultCategory.values())
                .map(c -> column(c) + " = s." + column(c) + " + d." + column(c))
                .collect(Collectors.joining(", "));
        return """
                WITH calls AS (
                    SELECT %s AS campaign_id, e.sequence_number AS seq, x.number,
                           %s AS category, x.attempt, x."durationSeconds" AS seconds, x.violation
                    FROM domain_event_entry e
                    -- json_to_record reads the five fields in one pass over the text: half the cost of a jsonb parse.
                    CROSS JOIN LATERAL json_to_record(convert_from(e.payload, 'UTF8')::json)
                        AS x(number text, result text, attempt int, "durationSeconds" int, violation text)
                    WHERE e.global_index BETWEEN ? AND ? AND e.payload_type = ? AND mod(%s, ?) = ?
                      AND EXISTS (SELECT 1 FROM campaign_stats c WHERE c.campaign_id = %s)
                ), last_result AS (
                    SELECT DISTINCT ON (campaign_id, number) campaign_id, number, category, attempt
                    FROM calls ORDER BY campaign_id, number, seq DESC
                ), moves AS (
                    SELECT l.campaign_id, l.number, l.category AS now, n.category AS before, l.attempt
                    FROM last_result l
                    LEFT JOIN campaign_stats_number n ON n.campaign_id = l.campaign_id AND n.number = l.number
                ), numbers AS (
                    INSERT INTO campaign_stats_number (campaign_id, number, account_id, category, attempts)
                    SELECT m.campaign_id, m.number, s.account_id, m.now, m.attempt
                    FROM moves m JOIN campaign_stats s ON s.campaign_id = m.campaign_id
                    ON CONFLICT (campaign_id, number) DO UPDATE SET category = EXCLUDED.category, attempts = EXCLUDED.attempts
                ), attempts AS (
                    SELECT campaign_id, COUNT(*) AS attempts, SUM(seconds) AS seconds,
                           SUM((GREATEST(seconds, 0) + 59) / 60) AS minutes, MAX(seq) AS seq,
                           SUM((violation IS NOT NULL)::int) AS violations
                    FROM calls GROUP BY campaign_id
                ), deltas AS (
                    SELECT m.campaign_id, SUM((m.before IS NULL)::int) AS dialed, %s
                    FROM moves m GROUP BY m.campaign_id
                )
                UPDATE campaign_stats s
                SET attempts = s.attempts + a.attempts, call_seconds = s.call_seconds + a.seconds,
                    call_minutes = s.call_minutes + a.minutes, dialed = s.dialed + d.dialed, %s,
                    violations = s.violations + a.violations,
                    last_sequence = GREATEST(s.last_sequence, a.seq)
                FROM attempts a JOIN deltas d ON d.campaign_id = a.campaign_id
                WHERE s.campaign_id = a.campaign_id""".formatted(CAMPAIGN_ID, category, CAMPAIGN_ID, CAMPAIGN_ID, moves, counters);
    }

    @Override
    public String processingGroup() {
        return CampaignStatsProjection.PROCESSING_GROUP;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    /** Every row is a campaign's or one of its numbers': campaigns are shared out by id. */
    @Override
    public boolean partitionable() {
        return true;
    }

    @Override
    public long rebuild(long from, long to) {
        return rebuild(from, to, 0, 1);
    }

    @Override
    public long rebuild(long from, long to, int partition, int partitions) {
        long rows = jdbc.update(CREATED, from, to, CampaignCreatedEvent.class.getName(), partitions, partition);
        rows += jdbc.update(NUMBERS_ADDED, from, to, NumbersAddedEvent.class.getName(), partitions, partition);
        rows += jdbc.update(callsRecorded, from, to, CallResultRecordedEvent.class.getName(), partitions, partition);
        rows += jdbc.update(NUMBERS_SCRUBBED, from, to, NumbersScrubbedEvent.class.getName(), partitions, partition);
        return rows;
    }
}
