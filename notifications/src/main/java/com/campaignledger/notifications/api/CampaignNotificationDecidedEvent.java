package com.campaignledger.notifications.api;

import com.campaignledger.campaign.billing.CallUsage;
import java.util.List;

/**
 * The notification saga decided that a campaign event is to be notified: to these subscriptions and
 * legacy postbacks, with the campaign as it was then. {@code sourceEventId} is the campaign event's id,
 * the key that makes each delivery unique. Published in the saga's transaction; carries no secret.
 * {@code usage} is what the campaign's calls add up to, priced as the campaign-finished postback's cost;
 * none in decisions written before it was kept.
 */
public record CampaignNotificationDecidedEvent(
        String sourceEventId,
        TriggerEvent trigger,
        BroadcastFacts campaign,
        CampaignCounters stats,
        List<Long> subscriptionIds,
        List<Long> postbackIds,
        CallUsage usage) {

    public CampaignNotificationDecidedEvent {
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
        postbackIds = postbackIds == null ? List.of() : List.copyOf(postbackIds);
        usage = usage == null ? CallUsage.NONE : usage;
    }
}
