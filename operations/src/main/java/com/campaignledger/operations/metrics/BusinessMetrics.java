package com.campaignledger.operations.metrics;

import com.campaignledger.projections.totals.ReadModelTotals;
import com.campaignledger.projections.totals.ReadModelTotals.Totals;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the service is doing for the business, summed over every account from the read models: calls by result, live
 * answers and drops, campaigns by status, agents by state. Tags are the closed lists of results, statuses and states,
 * never a campaign, account or agent (those figures are the REST API's).
 * <p>
 * The calls are counted from the calls read model rather than by a handler of their events: a replay of that model
 * rebuilds the same count instead of counting every call again (the counter goes to zero and climbs back while it
 * replays, which Prometheus reads as a reset). The tables are read at most once per {@code ledger.metrics.refresh}.
 */
@Component
class BusinessMetrics {

    /** Held here: meters keep only a weak reference to what they read. */
    private final Reading<Totals> totals;

    BusinessMetrics(
            ReadModelTotals tables, MeterRegistry registry, @Value("${ledger.metrics.refresh:5s}") Duration refresh) {
        this.totals = new Reading<>(tables::read, refresh);
        for (String result : ReadModelTotals.RESULTS) {
            FunctionCounter.builder("ledger.calls", totals, t -> t.get().calls(result))
                    .tags("result", result, "category", ReadModelTotals.categoryOf(result))
                    .description("Dial attempts recorded, by result and its stats category")
                    .register(registry);
        }
        for (String outcome : ReadModelTotals.LIVE_ANSWERS) {
            FunctionCounter.builder("ledger.live.answers", totals, t -> t.get().liveAnswers(outcome))
                    .tag("outcome", outcome)
                    .description("Live answers under the abandonment rule: connected, or dropped with or without the "
                            + "safe-harbor message")
                    .register(registry);
        }
        for (String status : ReadModelTotals.CAMPAIGN_STATUSES) {
            Gauge.builder("ledger.campaigns", totals, t -> t.get().campaigns(status))
                    .tag("status", status)
                    .description("Campaigns (not deleted) by status")
                    .register(registry);
        }
        for (String state : ReadModelTotals.AGENT_STATES) {
            Gauge.builder("ledger.agents", totals, t -> t.get().agents(state))
                    .tag("state", state)
                    .description("Agents logged in to a campaign, by state")
                    .register(registry);
        }
    }
}
