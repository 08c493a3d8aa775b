package com.campaignledger.projections.totals;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.LiveAnswer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The whole service's figures, summed over every account from the read models' tables: calls by result, campaigns by
 * status, agents logged in by state. One grouped count per table, with no campaign, account or agent in the
 * answer: these feed the meters, while per-campaign figures are the REST API's.
 */
@Component
public class ReadModelTotals {

    /** Every call result, in {@link CallResult}'s order: each is a series of its own, zero until a call has it. */
    public static final List<String> RESULTS =
            Arrays.stream(CallResult.values()).map(Enum::name).toList();

    /** How a live answer ended under the abandonment rule: connected, or dropped with or without the message. */
    public static final List<String> LIVE_ANSWERS =
            Arrays.stream(LiveAnswer.values()).map(Enum::name).toList();

    public static final List<String> CAMPAIGN_STATUSES =
            Arrays.stream(CampaignStatus.values()).map(Enum::name).toList();

    /** The states of a logged-in agent: logged-out sessions stay in the table for ever, and are not counted. */
    public static final List<String> AGENT_STATES = Arrays.stream(AgentState.values())
            .filter(s -> s != AgentState.LOGGED_OUT)
            .map(Enum::name)
            .toList();

    /**
     * One reading of the tables.
     *
     * @param callsByResult     dial attempts recorded by result ({@code call_result_total}: the rows of
     *                          {@code call_record} with a result, counted as they are written)
     * @param campaignsByStatus campaigns not deleted ({@code campaign_view}) by status
     * @param agentsByState     agent sessions not logged out ({@code agent_session_view}) by state
     */
    public record Totals(
            Map<String, Long> callsByResult, Map<String, Long> campaignsByStatus, Map<String, Long> agentsByState) {

        public static final Totals NONE = new Totals(Map.of(), Map.of(), Map.of());

        public long calls(String result) {
            return callsByResult.getOrDefault(result, 0L);
        }

        /** Live answers that ended so: the sum of the results that count as it ({@link CallResult#liveAnswer()}). */
        public long liveAnswers(String liveAnswer) {
            return Arrays.stream(CallResult.values())
                    .filter(r ->
                            r.liveAnswer().map(a -> a.name().equals(liveAnswer)).orElse(false))
                    .mapToLong(r -> calls(r.name()))
                    .sum();
        }

        public long campaigns(String status) {
            return campaignsByStatus.getOrDefault(status, 0L);
        }

        public long agents(String state) {
            return agentsByState.getOrDefault(state, 0L);
        }
    }

    private final JdbcTemplate jdbc;

    public ReadModelTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The result category a call result is counted under in the stats ({@link CallResult#category()}). */
    public static String categoryOf(String result) {
        return CallResult.valueOf(result).category().name();
    }

    /**
     * Reads the three tables now: callers cache the answer. Each is small beside the calls: a row per campaign and
     * result, a row per campaign, and the sessions logged in (through the index on their state).
     */
    public Totals read() {
        return new Totals(
                counts("SELECT result, SUM(calls) FROM call_result_total GROUP BY result"),
                counts("SELECT status, COUNT(*) FROM campaign_view WHERE deleted = FALSE GROUP BY status"),
                counts("SELECT state, COUNT(*) FROM agent_session_view WHERE state IN ("
                        + AGENT_STATES.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                        + ") GROUP BY state"));
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }
}
