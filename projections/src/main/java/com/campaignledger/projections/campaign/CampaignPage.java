package com.campaignledger.projections.campaign;

import java.util.List;

/** One page of a campaign list, with the totals a client needs to page on. */
public record CampaignPage(List<CampaignView> content, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
