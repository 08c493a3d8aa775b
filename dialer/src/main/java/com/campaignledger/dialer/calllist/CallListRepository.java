package com.campaignledger.dialer.calllist;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.ContactNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The dialer's tables: campaigns it may dial, their numbers and where each stands, agents and their state. */
@Repository
public class CallListRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Numbers added at once from which PostgreSQL's statistics of the table are brought up to date at once: until
     * autoanalyze comes by (up to a minute or more), the planner would read a big new list with a sort instead of
     * the claim index, and a claim would cost several times what it costs on a small campaign.
     */
    static final int ANALYZE_AFTER = 5_000;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public CallListRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName()));
    }

    void insertCampaign(long campaignId, String accountId, LocalTime begin, LocalTime end, List<String> dispositions) {
        jdbc.update(
                "INSERT INTO dialer_campaign (campaign_id, account_id, status, dial_ratio, restrict_begin, restrict_end, "
                        + "dispositions) VALUES (?, ?, ?, 1.0, ?, ?, ?) ON CONFLICT DO NOTHING",
                campaignId,
                accountId,
                CampaignStatus.SETUP.name(),
                text(begin),
                text(end),
                write(dispositions));
    }

    void updateWindow(long campaignId, LocalTime begin, LocalTime end, List<String> dispositions) {
        jdbc.update(
                "UPDATE dialer_campaign SET restrict_begin = ?, restrict_end = ?, dispositions = ? WHERE campaign_id = ?",
                text(begin),
                text(end),
                write(dispositions),
                campaignId);
    }

    void updatePacing(long campaignId, CampaignSettings settings) {
        jdbc.update(
                "UPDATE dialer_campaign SET pacing = ?, target_drop_rate = ?, max_ratio = ? WHERE campaign_id = ?",
                settings.pacing().name(),
                settings.targetDropRate(),
                settings.maxRatio(),
                campaignId);
    }

    void updateStatus(long campaignId, CampaignStatus status) {
        jdbc.update("UPDATE dialer_campaign SET status = ? WHERE campaign_id = ?", status.name(), campaignId);
    }

    void updateRatio(long campaignId, double ratio) {
        jdbc.update("UPDATE dialer_campaign SET dial_ratio = ? WHERE campaign_id = ?", ratio, campaignId);
    }

    void insertNumbers(long campaignId, List<ContactNumber> numbers) {
        jdbc.batchUpdate(
                "INSERT INTO dialer_number (campaign_id, number, extra_data, attempts, done) VALUES (?, ?, ?, 0, FALSE) "
                        + "ON CONFLICT DO NOTHING",
                numbers,
                500,
                (ps, n) -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, n.number());
                    ps.setString(3, n.extraData().isEmpty() ? null : write(n.extraData()));
                });
        if (postgres && numbers.size() >= ANALYZE_AFTER) {
            jdbc.execute("ANALYZE dialer_number");
        }
    }

    /** Scrubbed numbers are never offered for dialing again. */
    void scrub(long campaignId, List<String> numbers) {
        jdbc.batchUpdate(
                "UPDATE dialer_number SET done = TRUE, scrubbed = TRUE, lease_owner = NULL, lease_until = NULL "
                        + "WHERE campaign_id = ? AND number = ?",
                numbers,
                500,
                (ps, number) -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, number);
                });
    }

    /** A removed number is never offered for dialing again. */
    void remove(long campaignId, String number) {
        jdbc.update(
                "UPDATE dialer_number SET done = TRUE, removed = TRUE, lease_owner = NULL, lease_until = NULL "
                        + "WHERE campaign_id = ? AND number = ?",
                campaignId,
                number);
    }

    /** The account's campaigns that have the number and have not dialled it to a final result. */
    /** The account of a campaign the call list knows. */
    public Optional<String> accountOf(long campaignId) {
        return jdbc
                .queryForList("SELECT account_id FROM dialer_campaign WHERE campaign_id = ?", String.class, campaignId)
                .stream()
                .findFirst();
    }

    public List<Long> campaignsWithOpenNumber(String accountId, String number) {
        return jdbc.queryForList(
                "SELECT n.campaign_id FROM dialer_number n JOIN dialer_campaign c ON c.campaign_id = n.campaign_id "
                        + "WHERE n.number = ? AND NOT n.done AND c.account_id = ? ORDER BY n.campaign_id",
                Long.class,
                number,
                accountId);
    }

    /** A reported attempt ends the number's lease, if it had one. */
    void recordAttempt(long campaignId, String number, int attempt, boolean done, Instant retryAt, String lastResult) {
        jdbc.update(
                "UPDATE dialer_number SET attempts = ?, done = ?, retry_at = ?, last_result = ?, lease_owner = NULL, "
                        + "lease_until = NULL WHERE campaign_id = ? AND number = ? AND attempts < ?",
                attempt,
                done,
                retryAt == null ? null : Timestamp.from(retryAt),
                lastResult,
                campaignId,
                number,
                attempt);
    }

    void upsertAgent(long sessionId, long campaignId, AgentState state, String callId, Instant at) {
        int updated = jdbc.update(
                "UPDATE dialer_agent SET state = ?, call_id = ?, changed_at = ? WHERE session_id = ?",
                state.name(),
                callId,
                Timestamp.from(at),
                sessionId);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO dialer_agent (session_id, campaign_id, state, call_id, changed_at) VALUES (?, ?, ?, ?, ?)",
                    sessionId,
                    campaignId,
                    state.name(),
                    callId,
                    Timestamp.from(at));
        }
    }

    void removeAgent(long sessionId) {
        jdbc.update("DELETE FROM dialer_agent WHERE session_id = ?", sessionId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM dialer_agent");
        jdbc.update("DELETE FROM dialer_number");
        jdbc.update("DELETE FROM dialer_campaign");
    }

    private static final String CAMPAIGN_COLUMNS =
            "SELECT campaign_id, dial_ratio, restrict_begin, restrict_end, dispositions, pacing, target_drop_rate, "
                    + "max_ratio FROM dialer_campaign ";

    private static final RowMapper<DialerCampaign> CAMPAIGN = (rs, i) -> new DialerCampaign(
            rs.getLong(1),
            rs.getDouble(2),
            time(rs.getString(3)),
            time(rs.getString(4)),
            readList(rs.getString(5)),
            com.campaignledger.campaign.api.Pacing.valueOf(rs.getString(6)),
            rs.getDouble(7),
            rs.getDouble(8));

    /** Campaigns the dialer works on: RUNNING ones. */
    public List<DialerCampaign> runningCampaigns() {
        return jdbc.query(
                CAMPAIGN_COLUMNS + "WHERE status = ? ORDER BY campaign_id", CAMPAIGN, CampaignStatus.RUNNING.name());
    }

    /** A RUNNING campaign as the call list knows it; empty for any other status or an unknown one. */
    public Optional<DialerCampaign> running(long campaignId) {
        return jdbc
                .query(
                        CAMPAIGN_COLUMNS + "WHERE campaign_id = ? AND status = ?",
                        CAMPAIGN,
                        campaignId,
                        CampaignStatus.RUNNING.name())
                .stream()
                .findFirst();
    }

    /** An agent of a campaign as the call list knows it: state, and the call it is on (when READY, its last call). */
    public record DialerAgent(long sessionId, AgentState state, String callId) {}

    /** The open agent sessions of a campaign, longest waiting first. */
    public List<DialerAgent> agents(long campaignId) {
        return jdbc.query(
                "SELECT session_id, state, call_id FROM dialer_agent WHERE campaign_id = ? ORDER BY changed_at, session_id",
                (rs, i) -> new DialerAgent(rs.getLong(1), AgentState.valueOf(rs.getString(2)), rs.getString(3)),
                campaignId);
    }

    /** Agent sessions of a campaign waiting for a call. */
    public List<Long> readyAgents(long campaignId) {
        return jdbc.queryForList(
                "SELECT session_id FROM dialer_agent WHERE campaign_id = ? AND state = ? ORDER BY changed_at, session_id",
                Long.class,
                campaignId,
                AgentState.READY.name());
    }

    /**
     * A number of the campaign's list that has no final result yet, with its extra data: what an external dialer
     * may connect to an agent. Empty for a number not on the list or already done.
     */
    public Optional<DueNumber> openNumber(long campaignId, String number) {
        return jdbc
                .query(
                        // A scrubbed number is never offered, but a live call a dialer put through anyway happened:
                        // it is taken (the campaign records it with its violation), never refused.
                        "SELECT number, extra_data, attempts FROM dialer_number WHERE campaign_id = ? AND number = ? "
                                + "AND (done = FALSE OR (scrubbed = TRUE AND removed = FALSE))",
                        (rs, i) -> new DueNumber(rs.getString(1), readMap(rs.getString(2)), rs.getInt(3)),
                        campaignId,
                        number)
                .stream()
                .findFirst();
    }

    /** The attempts recorded so far for some numbers of a campaign. */
    public Map<String, Integer> attempts(long campaignId, Collection<String> numbers) {
        Map<String, Integer> attempts = new java.util.HashMap<>();
        List<String> list = List.copyOf(numbers);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new java.util.ArrayList<>();
            args.add(campaignId);
            args.addAll(chunk);
            jdbc.query(
                    "SELECT number, attempts FROM dialer_number WHERE campaign_id = ? AND number IN (" + marks + ")",
                    rs -> {
                        attempts.put(rs.getString(1), rs.getInt(2));
                    },
                    args.toArray());
        }
        return attempts;
    }

    /** How many numbers of the campaign are not done yet. */
    public long openNumbers(long campaignId) {
        Long open = jdbc.queryForObject(
                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ? AND done = FALSE", Long.class, campaignId);
        return open == null ? 0 : open;
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readList(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number's extra data as stored in the call list (JSON), empty when it has none. */
    public static Map<String, String> readMap(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
