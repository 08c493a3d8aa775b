package com.campaignledger.web.campaign;

import com.campaignledger.projections.campaign.CampaignPage;
import java.util.List;

/** One page of campaigns, with the totals a client needs to page on. */
public record CampaignListResponse(
        List<CampaignResponse> content, int page, int size, long totalElements, long totalPages) {

    static CampaignListResponse of(CampaignPage page) {
        return new CampaignListResponse(
                page.content().stream().map(CampaignResponse::of).toList(),
                page.page(),
                page.size(),
                page.totalElements(),
                page.totalPages());
    }
}
