package com.campaignledger.web;

import com.campaignledger.campaign.api.CampaignStatus;

/** A request that needs the campaign in another status (a 409 naming it). */
public class CampaignStatusConflictException extends RuntimeException {

    private final CampaignStatus status;

    public CampaignStatusConflictException(CampaignStatus status, String action) {
        super("Cannot " + action + " a campaign that is " + status);
        this.status = status;
    }

    public CampaignStatus status() {
        return status;
    }
}
