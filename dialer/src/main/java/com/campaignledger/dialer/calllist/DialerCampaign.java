package com.campaignledger.dialer.calllist;

import com.campaignledger.campaign.api.Pacing;
import java.time.LocalTime;
import java.util.List;

/**
 * A RUNNING campaign as the dialer sees it: how hard to dial (its pacing: FIXED at {@code dialRatio}, or ADAPTIVE
 * within {@code targetDropRate} and {@code maxRatio}), when, and what agents may answer.
 */
public record DialerCampaign(
        long campaignId,
        double dialRatio,
        LocalTime restrictBegin,
        LocalTime restrictEnd,
        List<String> dispositions,
        Pacing pacing,
        double targetDropRate,
        double maxRatio) {}
