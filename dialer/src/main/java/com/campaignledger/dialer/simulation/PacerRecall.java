package com.campaignledger.dialer.simulation;

import com.campaignledger.dialer.calllist.DialerCampaign;
import com.campaignledger.dialer.pacing.CampaignPacer;
import com.campaignledger.projections.compliance.ComplianceQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A new pacer for a campaign, started from the campaign's compliance record: a dialer started again (or pacing
 * switched to ADAPTIVE mid-campaign) knows the drops already made over the last 30 days and does not spend that
 * budget a second time.
 */
public class PacerRecall {

    private final ComplianceQueries compliance;

    public PacerRecall(ComplianceQueries compliance) {
        this.compliance = compliance;
    }

    CampaignPacer pacer(DialerCampaign campaign, Instant now) {
        CampaignPacer pacer = new CampaignPacer(campaign.targetDropRate(), campaign.maxRatio());
        compliance
                .pacingRecall(campaign.campaignId(), LocalDate.ofInstant(now, ZoneOffset.UTC))
                .ifPresent(recall -> {
                    ComplianceQueries.PacingFigures figures = recall.figures();
                    pacer.recall(
                            recall.days().stream()
                                    .map(d -> new CampaignPacer.Day(
                                            d.day(), d.connected(), d.droppedWithMessage() + d.droppedWithoutMessage()))
                                    .toList(),
                            figures.attempts(),
                            figures.liveAnswers(),
                            figures.handledCalls(),
                            figures.handledCalls() == 0 ? 0 : figures.handleMillis() / 1000.0 / figures.handledCalls(),
                            now);
                });
        return pacer;
    }
}
