package com.campaignledger.campaign.api;

/** The states of a campaign (the subset of CallFire's BroadcastStatus that a CCC campaign goes through). */
public enum CampaignStatus {
    SETUP,
    RUNNING,
    STOPPED,
    FINISHED,
    ARCHIVED
}
