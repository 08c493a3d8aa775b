package com.campaignledger.notifications.api;

import java.util.List;

/**
 * The notification saga decided that a campaign's drop rate passing the limit is to be notified (COMPLIANCE_ALERT) to
 * these subscriptions. {@code sourceEventId} is the id of the call result that took the rate past the limit.
 */
public record ComplianceAlertDecidedEvent(
        String sourceEventId, BroadcastFacts campaign, ComplianceFacts compliance, List<Long> subscriptionIds) {

    public ComplianceAlertDecidedEvent {
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
    }
}
