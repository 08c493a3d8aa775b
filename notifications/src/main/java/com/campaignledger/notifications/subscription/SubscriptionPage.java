package com.campaignledger.notifications.subscription;

import java.util.List;

/** One page of subscriptions, with the totals a client needs to page on. */
public record SubscriptionPage(List<Subscription> content, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
