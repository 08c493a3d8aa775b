package com.campaignledger.projections.stats;

import com.campaignledger.campaign.api.ResultCategory;
import com.campaignledger.campaign.billing.BillingRule;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaign_stats and campaign_stats_number tables. */
@Repository
public class CampaignStatsRepository {

    private final JdbcTemplate jdbc;

    public CampaignStatsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign_stats column that counts a category (one of a fixed set, never input). */
    static String column(ResultCategory category) {
        return category.name().toLowerCase(Locale.ROOT);
    }

    void created(long campaignId, String accountId, long sequence) {
        jdbc.update(
                "INSERT INTO campaign_stats (campaign_id, account_id, total, dialed, live, machine, noanswer, dnc, busy, "
                        + "transfer, error, misc, attempts, call_seconds, call_minutes, last_sequence) "
                        + "VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?) ON CONFLICT DO NOTHING",
                campaignId,
                accountId,
                sequence);
    }

    /** Adds {@code added} numbers to the total, unless this event (its sequence number) was applied already. */
    boolean numbersAdded(long campaignId, int added, long sequence) {
        return jdbc.update(
                        "UPDATE campaign_stats SET total = total + ?, last_sequence = ? "
                                + "WHERE campaign_id = ? AND last_sequence < ?",
                        added,
                        sequence,
                        campaignId,
                        sequence)
                == 1;
    }

    /** Counts scrubbed numbers, unless this event (its sequence number) was applied already. */
    boolean numbersScrubbed(long campaignId, int scrubbed, long sequence) {
        return jdbc.update(
                        "UPDATE campaign_stats SET scrubbed = scrubbed + ?, last_sequence = ? "
                                + "WHERE campaign_id = ? AND last_sequence < ?",
                        scrubbed,
                        sequence,
                        campaignId,
                        sequence)
                == 1;
    }

    /** The category a dialed number is counted under now; empty while it was never dialed. */
    Optional<ResultCategory> category(long campaignId, String number) {
        return jdbc
                .queryForList(
                        "SELECT category FROM campaign_stats_number WHERE campaign_id = ? AND number = ?",
                        String.class,
                        campaignId,
                        number)
                .stream()
                .findFirst()
                .map(ResultCategory::valueOf);
    }

    /**
     * Counts one dial attempt and moves its number from the counter of {@code before} (none: the number was not
     * dialed yet) to that of {@code now}, unless this event was applied already; then writes nothing and says so.
     */
    boolean attemptCounted(
            long campaignId, ResultCategory before, ResultCategory now, int seconds, boolean violated, long sequence) {
        StringBuilder set = new StringBuilder("attempts = attempts + 1, call_seconds = call_seconds + ?, "
                + "call_minutes = call_minutes + ?, last_sequence = ?");
        if (violated) {
            set.append(", violations = violations + 1");
        }
        if (before == null) {
            set.append(", dialed = dialed + 1, ")
                    .append(column(now))
                    .append(" = ")
                    .append(column(now))
                    .append(" + 1");
        } else if (before != now) {
            set.append(", ")
                    .append(column(before))
                    .append(" = ")
                    .append(column(before))
                    .append(" - 1, ")
                    .append(column(now))
                    .append(" = ")
                    .append(column(now))
                    .append(" + 1");
        }
        long minutes = BillingRule.billedMinutes(seconds);
        return jdbc.update(
                        "UPDATE campaign_stats SET " + set + " WHERE campaign_id = ? AND last_sequence < ?",
                        seconds,
                        minutes,
                        sequence,
                        campaignId,
                        sequence)
                == 1;
    }

    void numberDialed(long campaignId, String number, ResultCategory category, int attempt, boolean dialedBefore) {
        if (dialedBefore) {
            jdbc.update(
                    "UPDATE campaign_stats_number SET category = ?, attempts = ? WHERE campaign_id = ? AND number = ?",
                    category.name(),
                    attempt,
                    campaignId,
                    number);
        } else {
            jdbc.update(
                    "INSERT INTO campaign_stats_number (campaign_id, number, account_id, category, attempts) "
                            + "SELECT campaign_id, ?, account_id, ?, ? FROM campaign_stats WHERE campaign_id = ?",
                    number,
                    category.name(),
                    attempt,
                    campaignId);
        }
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_stats_number");
        jdbc.update("DELETE FROM campaign_stats");
    }

    /** The campaign's statistics in the account; empty when the processor has not seen it (yet). */
    public Optional<CampaignStats> find(long campaignId, String accountId) {
        return jdbc
                .query(
                        "SELECT campaign_id, total, dialed, live, machine, noanswer, dnc, busy, transfer, error, misc, "
                                + "abandoned, attempts, call_seconds, call_minutes, scrubbed, violations FROM campaign_stats "
                                + "WHERE campaign_id = ? AND account_id = ?",
                        (rs, i) -> new CampaignStats(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9),
                                rs.getLong(10),
                                rs.getLong(11),
                                rs.getLong(12),
                                rs.getLong(13),
                                rs.getLong(14),
                                rs.getLong(15),
                                rs.getLong(16),
                                rs.getLong(17)),
                        campaignId,
                        accountId)
                .stream()
                .findFirst();
    }
}
