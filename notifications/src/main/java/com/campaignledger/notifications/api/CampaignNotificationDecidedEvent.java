package com.campaignledger.notifications.api;

import java.util.List;

/**
 * The notification saga decided that a campaign event is to be notified: to these subscriptions and
 * legacy postbacks, with the campaign as it was then. {@code sourceEventId} is the campaign event's id,
 * the key that makes each delivery unique. Published in the saga's transaction; carries no secret.
 */
public record CampaignNotificationDecidedEvent(String sourceEventId, TriggerEvent trigger, BroadcastFacts campaign,
                                               CampaignStats stats, List<Long> subscriptionIds,
                                               List<Long> postbackIds) {

    public CampaignNotificationDecidedEvent {
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
        postbackIds = postbackIds == null ? List.of() : List.copyOf(postbackIds);
    }
}
