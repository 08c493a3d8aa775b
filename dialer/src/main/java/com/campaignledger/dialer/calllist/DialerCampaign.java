package com.campaignledger.dialer.calllist;

import java.time.LocalTime;
import java.util.List;

/** A RUNNING campaign as the dialer sees it: how hard to dial, when, and what agents may answer. */
public record DialerCampaign(
        long campaignId, double dialRatio, LocalTime restrictBegin, LocalTime restrictEnd, List<String> dispositions) {}
