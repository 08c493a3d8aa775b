package com.campaignledger.web.report;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.pacing.PacingAdvice;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.projections.compliance.ComplianceRecord;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an external dialer should dial now for a campaign (SPEC 3.7), with the figures it comes from. */
@RestController
class PacingController {

    /** The advice and the 30 days of the abandonment rule it keeps to. */
    record PacingResponse(long campaignId, PacingAdvice advice, ComplianceRecord.Period rolling30Days) {}

    private final CampaignLookup campaigns;
    private final ComplianceQueries compliance;
    private final CallListRepository callList;
    private final CallFlowClock clock;

    PacingController(
            CampaignLookup campaigns, ComplianceQueries compliance, CallListRepository callList, CallFlowClock clock) {
        this.campaigns = campaigns;
        this.compliance = compliance;
        this.callList = callList;
        this.clock = clock;
    }

    @GetMapping(path = "/api/campaigns/{id}/pacing", produces = MediaType.APPLICATION_JSON_VALUE)
    PacingResponse pacing(
            @PathVariable long id, @RequestParam(required = false) Double secondsToAnswer, RequestContext context) {
        if (secondsToAnswer != null && !(secondsToAnswer >= 1 && secondsToAnswer <= 120)) {
            throw new RequestValidationException("secondsToAnswer", "must be between 1 and 120 seconds");
        }
        CampaignView campaign = campaigns.require(id, context.accountId());
        ComplianceQueries.PacingFigures figures =
                compliance.pacingFigures(id, context.accountId(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<CallListRepository.DialerAgent> agents = callList.agents(id);
        int ready =
                (int) agents.stream().filter(a -> a.state() == AgentState.READY).count();
        int busy = (int) agents.stream()
                .filter(a -> a.state() == AgentState.ON_CALL || a.state() == AgentState.WRAP_UP)
                .count();
        PacingAdvice advice = PacingAdvice.of(
                campaign.settings(),
                campaign.dialRatio(),
                ready,
                busy,
                figures.month().liveAnswers(),
                figures.month().drops(),
                figures.attempts(),
                figures.liveAnswers(),
                figures.handledCalls(),
                figures.handleMillis(),
                secondsToAnswer != null ? secondsToAnswer : PacingAdvice.SECONDS_TO_ANSWER);
        return new PacingResponse(id, advice, figures.month());
    }
}
