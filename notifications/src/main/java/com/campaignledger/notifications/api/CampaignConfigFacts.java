package com.campaignledger.notifications.api;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.RetryConfig;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The part of a campaign's configuration a notification shows (CallFire's broadcast config). Never the
 * passcode hash, the script or the call list: notifications leave the ledger.
 */
public record CampaignConfigFacts(
        Instant created,
        String fromNumber,
        LocalTime localRestrictBegin,
        LocalTime localRestrictEnd,
        RetryConfig retryConfig,
        Integer numberOfRings,
        Boolean recorded,
        Boolean multilineDialingEnabled,
        Integer multilineDialingRatio,
        Long agentGroupId,
        Long smartDropSoundId,
        Long answeringMachineSoundId) {

    public static CampaignConfigFacts of(CampaignSettings s, Instant created) {
        return new CampaignConfigFacts(
                created,
                s.fromNumber(),
                s.localRestrictBegin(),
                s.localRestrictEnd(),
                s.retryConfig(),
                s.numberOfRings(),
                s.recorded(),
                s.multilineDialingEnabled(),
                s.multilineDialingRatio(),
                s.agentGroupId(),
                s.smartDropSoundId(),
                s.answeringMachineSoundId());
    }
}
