package com.campaignledger.notifications.api;

/** What a subscription is notified of (the campaign and outbound-call subset of CallFire's trigger events). */
public enum TriggerEvent {
    CAMPAIGN_STARTED,
    CAMPAIGN_STOPPED,
    CAMPAIGN_FINISHED,
    OUTBOUND_CALL_FINISHED
}
