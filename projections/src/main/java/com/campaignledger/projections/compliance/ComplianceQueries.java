package com.campaignledger.projections.compliance;

import com.campaignledger.projections.compliance.ComplianceRecord.AccountRecord;
import com.campaignledger.projections.compliance.ComplianceRecord.CampaignPeriod;
import com.campaignledger.projections.compliance.ComplianceRecord.CampaignRecord;
import com.campaignledger.projections.compliance.ComplianceRecord.Period;
import com.campaignledger.projections.compliance.ComplianceRepository.DayCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The compliance record of a campaign and of an account, read from the compliance processor's rows. */
@Component
public class ComplianceQueries {

    private final ComplianceRepository repository;
    private final JdbcTemplate jdbc;

    ComplianceQueries(ComplianceRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The campaign's rolling 30 days ending with {@code to}, and each day from {@code from} to {@code to}. */
    public CampaignRecord campaign(long campaignId, String accountId, LocalDate from, LocalDate to) {
        LocalDate rollingStart = to.minusDays(ComplianceRecord.ROLLING_DAYS - 1L);
        LocalDate earliest = from.minusDays(ComplianceRecord.ROLLING_DAYS - 1L);
        List<DayCounts> counts = repository.campaignDays(
                campaignId, accountId, earliest.isBefore(rollingStart) ? earliest : rollingStart, to);
        Period rolling = Period.of(
                rollingStart,
                to,
                counts.stream().filter(d -> !d.day().isBefore(rollingStart)).toList());
        return new CampaignRecord(
                campaignId, ComplianceRecord.LIMIT, rolling, ComplianceRecord.daily(from, to, counts));
    }

    /** The campaign's drop rate over the 30 days ending with {@code today}; null without a live answer. */
    public BigDecimal rollingDropRate(long campaignId, String accountId, LocalDate today) {
        LocalDate start = today.minusDays(ComplianceRecord.ROLLING_DAYS - 1L);
        return Period.of(start, today, repository.campaignDays(campaignId, accountId, start, today))
                .dropRate();
    }

    /**
     * What pacing learns from: the 30 days ending {@code today}, every dial attempt and live answer (connected or
     * dropped) of the campaign, and its agents' calls with their talk and response time.
     */
    public record PacingFigures(Period month, long attempts, long liveAnswers, long handledCalls, long handleMillis) {}

    public PacingFigures pacingFigures(long campaignId, String accountId, LocalDate today) {
        LocalDate start = today.minusDays(ComplianceRecord.ROLLING_DAYS - 1L);
        return pacingFigures(
                campaignId,
                accountId,
                Period.of(start, today, repository.campaignDays(campaignId, accountId, start, today)));
    }

    private PacingFigures pacingFigures(long campaignId, String accountId, Period month) {
        Long attempts = jdbc.query(
                "SELECT attempts FROM campaign_stats WHERE campaign_id = ? AND account_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L,
                campaignId,
                accountId);
        Long live = jdbc.queryForObject(
                "SELECT COUNT(*) FROM compliance_call WHERE campaign_id = ? AND live_answer IS NOT NULL",
                Long.class,
                campaignId);
        long[] handled = jdbc.query(
                "SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(talk_millis + response_millis), 0) "
                        + "FROM agent_session_view WHERE campaign_id = ?",
                rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[2],
                campaignId);
        return new PacingFigures(
                month, attempts == null ? 0 : attempts, live == null ? 0 : live, handled[0], handled[1]);
    }

    /**
     * What a pacer recalls of a campaign when it starts pacing it (a dialer started again, or pacing switched on
     * mid-campaign): the 30 days ending {@code today} day by day, and the figures pacing learns from. Empty before
     * the campaign's first counted call.
     */
    public record PacingRecall(List<DayCounts> days, PacingFigures figures) {}

    public Optional<PacingRecall> pacingRecall(long campaignId, LocalDate today) {
        List<String> accounts = jdbc.queryForList(
                "SELECT account_id FROM compliance_campaign WHERE campaign_id = ?", String.class, campaignId);
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        String account = accounts.get(0);
        LocalDate start = today.minusDays(ComplianceRecord.ROLLING_DAYS - 1L);
        List<DayCounts> days = repository.campaignDays(campaignId, account, start, today);
        return Optional.of(new PacingRecall(days, pacingFigures(campaignId, account, Period.of(start, today, days))));
    }

    /** Each campaign of the account with a counted call from {@code from} to {@code to}, in id order. */
    public AccountRecord account(String accountId, LocalDate from, LocalDate to) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query(
                "SELECT campaign_id, name FROM campaign_view WHERE account_id = ?",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                },
                accountId);
        List<CampaignPeriod> campaigns = repository.accountCampaigns(accountId, from, to).stream()
                .map(c -> {
                    Period p = Period.of(from, to, List.of(c));
                    return new CampaignPeriod(
                            c.campaignId(),
                            names.get(c.campaignId()),
                            from,
                            to,
                            p.liveAnswers(),
                            p.drops(),
                            p.dropsWithSafeHarborMessage(),
                            p.dropsWithoutMessage(),
                            p.dropRate(),
                            p.withinLimit(),
                            p.dncViolations(),
                            p.callingWindowViolations());
                })
                .toList();
        return new AccountRecord(from, to, ComplianceRecord.LIMIT, campaigns);
    }
}
