package com.campaignledger.web.notification;

import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;
import com.campaignledger.notifications.subscription.Subscription;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A subscription as GET shows it; {@code secret} only in the response that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionResponse(
        long id,
        String endpoint,
        TriggerEvent triggerEvent,
        NotificationFormat notificationFormat,
        Long campaignId,
        boolean enabled,
        long version,
        Instant created,
        Instant lastModified,
        String secret) {

    static SubscriptionResponse of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionResponse of(Subscription s, String secret) {
        return new SubscriptionResponse(
                s.id(),
                s.endpoint(),
                s.triggerEvent(),
                s.notificationFormat(),
                s.campaignId(),
                s.enabled(),
                s.version(),
                s.created(),
                s.lastModified(),
                secret);
    }

    @Override
    public String toString() {
        return "SubscriptionResponse[id=" + id + ", endpoint=" + endpoint + ", secret="
                + (secret == null ? "none" : "******") + "]";
    }
}
