package com.campaignledger.notifications.api;

/** How a subscription's notifications are sent: a POST of XML or JSON, or an e-mail. */
public enum NotificationFormat {
    XML,
    JSON,
    EMAIL
}
