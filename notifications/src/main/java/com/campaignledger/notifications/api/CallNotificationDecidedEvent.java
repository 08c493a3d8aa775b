package com.campaignledger.notifications.api;

import java.util.List;

/**
 * The notification saga decided that a finished call is to be notified (OUTBOUND_CALL_FINISHED
 * subscriptions and seed 001's call-finished postback). {@code sourceEventId} is the call result event's id.
 */
public record CallNotificationDecidedEvent(
        String sourceEventId,
        BroadcastFacts campaign,
        CallFacts call,
        List<Long> subscriptionIds,
        List<Long> postbackIds) {

    public CallNotificationDecidedEvent {
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
        postbackIds = postbackIds == null ? List.of() : List.copyOf(postbackIds);
    }
}
