package com.campaignledger.notifications.api;

/**
 * What a subscription is notified of: the campaign and outbound-call subset of CallFire's trigger events, and
 * COMPLIANCE_ALERT, a campaign's drop rate over 30 days passing the abandonment rule's limit.
 */
public enum TriggerEvent {
    CAMPAIGN_STARTED,
    CAMPAIGN_STOPPED,
    CAMPAIGN_FINISHED,
    OUTBOUND_CALL_FINISHED,
    COMPLIANCE_ALERT
}
