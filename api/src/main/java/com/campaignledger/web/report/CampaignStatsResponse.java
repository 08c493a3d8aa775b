package com.campaignledger.web.report;

import com.campaignledger.projections.agentsession.AgentCounts;
import com.campaignledger.projections.stats.CampaignStats;

/**
 * GetCccCampaignStats, live: seed 001's counters and {@code abandoned} (numbers, each once under its latest result, so
 * live + machine + noanswer + dnc + busy + transfer + error + misc + abandoned = dialed &lt;= total), every dial
 * attempt, the drop rate of the last 30 days ({@code dropRate}: drops / (live answers + drops), attempts; null
 * without a live answer; the compliance record has the detail), the numbers kept but
 * never dialled because they are on a do-not-call list ({@code scrubbed}), the reported attempts that broke a rule
 * ({@code violations}: a DNC number, a call outside its calling window), and the campaign's agents now.
 */
public record CampaignStatsResponse(
        long campaignId,
        long total,
        long dialed,
        long live,
        long machine,
        long noanswer,
        long dnc,
        long busy,
        long transfer,
        long error,
        long misc,
        long abandoned,
        java.math.BigDecimal dropRate,
        long attempts,
        long scrubbed,
        long violations,
        Agents agents) {

    /** Logged in (waiting, on a call or entering a response); of them waiting for a call; on a call. */
    public record Agents(long loggedIn, long ready, long onCall) {}

    static CampaignStatsResponse of(CampaignStats s, java.math.BigDecimal dropRate, AgentCounts agents) {
        return new CampaignStatsResponse(
                s.campaignId(),
                s.total(),
                s.dialed(),
                s.live(),
                s.machine(),
                s.noanswer(),
                s.dnc(),
                s.busy(),
                s.transfer(),
                s.error(),
                s.misc(),
                s.abandoned(),
                dropRate,
                s.attempts(),
                s.scrubbed(),
                s.violations(),
                new Agents(agents.loggedIn(), agents.ready(), agents.onCall()));
    }
}
