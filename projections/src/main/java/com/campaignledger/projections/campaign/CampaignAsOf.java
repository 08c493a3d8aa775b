package com.campaignledger.projections.campaign;

import java.time.Instant;

/**
 * The answer to {@link FindCampaignAsOfQuery}: whether the campaign exists at all, when it was created,
 * and its state at the instant asked ({@code null} when that was before it was created).
 */
public record CampaignAsOf(boolean exists, Instant created, CampaignView view) {

    public static final CampaignAsOf UNKNOWN = new CampaignAsOf(false, null, null);
}
