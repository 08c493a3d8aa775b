package com.campaignledger.notifications.saga;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.ResultCategory;
import com.campaignledger.notifications.api.CampaignCounters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link CampaignNumbers} in notification_campaign_number, in the caller's transaction. */
@Repository
class JdbcCampaignNumbers implements CampaignNumbers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    JdbcCampaignNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void added(long campaignId, List<ContactNumber> numbers) {
        jdbc.batchUpdate(
                "INSERT INTO notification_campaign_number (campaign_id, number, extra_data) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                numbers,
                500,
                (ps, n) -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, n.number());
                    ps.setString(3, n.extraData().isEmpty() ? null : write(n.extraData()));
                });
    }

    @Override
    public void resultRecorded(long campaignId, String number, CallResult result, int attempt) {
        int updated = jdbc.update(
                "UPDATE notification_campaign_number SET result = ?, attempt = ? "
                        + "WHERE campaign_id = ? AND number = ? AND (attempt IS NULL OR attempt <= ?)",
                result.name(),
                attempt,
                campaignId,
                number,
                attempt);
        if (updated == 0) {
            // A number this saga never saw added (an external dialer's report): it counts as dialed all the same.
            jdbc.update(
                    "INSERT INTO notification_campaign_number (campaign_id, number, result, attempt) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING",
                    campaignId,
                    number,
                    result.name(),
                    attempt);
        }
    }

    @Override
    public Map<String, String> extraData(long campaignId, String number) {
        List<String> data = jdbc.queryForList(
                "SELECT extra_data FROM notification_campaign_number " + "WHERE campaign_id = ? AND number = ?",
                String.class,
                campaignId,
                number);
        if (data.isEmpty() || data.get(0) == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(data.get(0), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable extra data of " + number, e);
        }
    }

    @Override
    public CampaignCounters stats(long campaignId) {
        Map<ResultCategory, Long> counts = new EnumMap<>(ResultCategory.class);
        long[] total = {0};
        jdbc.query(
                "SELECT result, COUNT(*) FROM notification_campaign_number WHERE campaign_id = ? GROUP BY result",
                rs -> {
                    String result = rs.getString(1);
                    long count = rs.getLong(2);
                    total[0] += count;
                    if (result != null) {
                        counts.merge(CallResult.valueOf(result).category().seed001(), count, Long::sum);
                    }
                },
                campaignId);
        long dialed = counts.values().stream().mapToLong(Long::longValue).sum();
        return new CampaignCounters(
                total[0],
                dialed,
                get(counts, ResultCategory.LIVE),
                get(counts, ResultCategory.MACHINE),
                get(counts, ResultCategory.NOANSWER),
                get(counts, ResultCategory.DNC),
                get(counts, ResultCategory.BUSY),
                get(counts, ResultCategory.TRANSFER),
                get(counts, ResultCategory.ERROR),
                get(counts, ResultCategory.MISC));
    }

    @Override
    public void forget(long campaignId) {
        jdbc.update("DELETE FROM notification_campaign_number WHERE campaign_id = ?", campaignId);
    }

    private static long get(Map<ResultCategory, Long> counts, ResultCategory category) {
        return counts.getOrDefault(category, 0L);
    }

    private static String write(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
