package com.campaignledger.projections.compliance;

import com.campaignledger.campaign.api.ComplianceViolation;
import com.campaignledger.campaign.api.LiveAnswer;
import com.campaignledger.projections.batch.InsertBatch;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The compliance_call and compliance_campaign tables, and the counts per day read from them. */
@Repository
public class ComplianceRepository {

    /** What one campaign (or, for a period, one campaign of an account) counted on one UTC day. */
    public record DayCounts(
            long campaignId,
            LocalDate day,
            long connected,
            long droppedWithMessage,
            long droppedWithoutMessage,
            long dncViolations,
            long callingWindowViolations) {}

    private static final String COUNTS = "SELECT campaign_id, call_day, "
            + "SUM(CASE WHEN live_answer = 'CONNECTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN live_answer = 'DROPPED_WITH_MESSAGE' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN live_answer = 'DROPPED_WITHOUT_MESSAGE' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN violation = 'DNC' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN violation = 'CALLING_WINDOW' THEN 1 ELSE 0 END) FROM compliance_call ";

    private final JdbcTemplate jdbc;
    private final InsertBatch calls;

    public ComplianceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.calls = InsertBatch.atEventPosition(
                jdbc,
                "INSERT INTO compliance_call (global_index, campaign_id, account_id, call_day, live_answer, violation)",
                "CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS DATE), CAST(? AS VARCHAR(32)), "
                        + "CAST(? AS VARCHAR(32))");
    }

    void insertCampaign(long campaignId, String accountId) {
        jdbc.update(
                "INSERT INTO compliance_campaign (campaign_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                campaignId,
                accountId);
    }

    Optional<String> accountOf(long campaignId) {
        return jdbc
                .queryForList(
                        "SELECT account_id FROM compliance_campaign WHERE campaign_id = ?", String.class, campaignId)
                .stream()
                .findFirst();
    }

    /** Written when the processor's batch commits, keyed by the event's global index in the event store. */
    void insertCall(
            String aggregate,
            long sequence,
            long campaignId,
            String accountId,
            LocalDate day,
            LiveAnswer answer,
            ComplianceViolation violation) {
        calls.addAt(
                aggregate,
                sequence,
                campaignId,
                accountId,
                Date.valueOf(day),
                answer == null ? null : answer.name(),
                violation == null ? null : violation.name());
    }

    void deleteAll() {
        jdbc.update("DELETE FROM compliance_call");
        jdbc.update("DELETE FROM compliance_campaign");
    }

    /** The campaign's counts per day from {@code from} to {@code to} (both included), days without calls left out. */
    public List<DayCounts> campaignDays(long campaignId, String accountId, LocalDate from, LocalDate to) {
        return jdbc.query(
                COUNTS + "WHERE campaign_id = ? AND account_id = ? AND call_day BETWEEN ? AND ? "
                        + "GROUP BY campaign_id, call_day ORDER BY call_day",
                (rs, n) -> counts(rs),
                campaignId,
                accountId,
                Date.valueOf(from),
                Date.valueOf(to));
    }

    /** The counts of each of the account's campaigns over the period (both days included), {@code day} = null. */
    public List<DayCounts> accountCampaigns(String accountId, LocalDate from, LocalDate to) {
        List<DayCounts> totals = new ArrayList<>();
        jdbc.query(
                COUNTS.replace("campaign_id, call_day, ", "campaign_id, CAST(NULL AS DATE), ")
                        + "WHERE account_id = ? AND call_day BETWEEN ? AND ? GROUP BY campaign_id ORDER BY campaign_id",
                rs -> {
                    totals.add(counts(rs));
                },
                accountId,
                Date.valueOf(from),
                Date.valueOf(to));
        return totals;
    }

    private static DayCounts counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date day = rs.getDate(2);
        return new DayCounts(
                rs.getLong(1),
                day == null ? null : day.toLocalDate(),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7));
    }
}
