package com.campaignledger.web.notification;

import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;

/** CreateSubscription's body. {@code enabled} defaults to true; {@code requestId} is CallFire's RequestId. */
record SubscriptionRequest(
        String endpoint,
        TriggerEvent triggerEvent,
        NotificationFormat notificationFormat,
        Long campaignId,
        Boolean enabled,
        String requestId) {}
