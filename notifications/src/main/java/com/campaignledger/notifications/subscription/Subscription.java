package com.campaignledger.notifications.subscription;

import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;
import java.time.Instant;

/** A subscription as the API shows it (SubscriptionService's Subscription): never its secret. */
public record Subscription(
        long id,
        String accountId,
        String endpoint,
        TriggerEvent triggerEvent,
        NotificationFormat notificationFormat,
        Long campaignId,
        boolean enabled,
        long version,
        Instant created,
        Instant lastModified) {

    /** What a client sets: everything but the id, the account and the times. */
    public SubscriptionDraft draft() {
        return new SubscriptionDraft(endpoint, triggerEvent, notificationFormat, campaignId, enabled);
    }
}
