package com.campaignledger.notifications.subscription;

import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;

/** The fields of a subscription a client sets, on create and (partially) on update. */
public record SubscriptionDraft(
        String endpoint,
        TriggerEvent triggerEvent,
        NotificationFormat notificationFormat,
        Long campaignId,
        boolean enabled) {}
