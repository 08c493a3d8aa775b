package com.campaignledger.web.report;

import com.campaignledger.soap.ccc.CccRefusal;
import com.campaignledger.soap.ccc.CccStats;
import com.campaignledger.web.ProblemDetails;
import com.campaignledger.web.RequestContext;
import org.springframework.stereotype.Component;

/** CccService's GetCccCampaignStats as the REST row's live stats, for the credential HTTP Basic authenticated. */
@Component
class CccStatsAdapter implements CccStats {

    private final CampaignStatsController rows;
    private final ProblemDetails problems;

    CccStatsAdapter(CampaignStatsController rows, ProblemDetails problems) {
        this.rows = rows;
        this.problems = problems;
    }

    @Override
    public Counts of(long campaignId) {
        CampaignStatsResponse s;
        try {
            s = rows.stats(
                    campaignId,
                    RequestContext.current()
                            .orElseThrow(
                                    () -> new IllegalStateException("CccService answers authenticated requests only")));
        } catch (RuntimeException e) {
            throw new CccRefusal(problems.detail(e));
        }
        return new Counts(
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
                s.dropRate(),
                s.attempts(),
                s.scrubbed(),
                s.violations(),
                s.agents().loggedIn(),
                s.agents().ready(),
                s.agents().onCall());
    }
}
