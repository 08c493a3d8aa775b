package com.campaignledger.projections.campaign;

/** The orders a campaign list can be sorted in, each with the column it sorts on. */
public enum CampaignSort {
    id("campaign_id"),
    name("name"),
    status("status"),
    created("created"),
    lastModified("last_modified");

    final String column;

    CampaignSort(String column) {
        this.column = column;
    }
}
