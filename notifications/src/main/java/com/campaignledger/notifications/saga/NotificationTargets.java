package com.campaignledger.notifications.saga;

import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.api.TriggerEvent;
import java.time.Instant;
import java.util.List;

/** Who is to be told about an event: the saga's view of subscriptions and legacy postbacks. */
public interface NotificationTargets {

    /**
     * The enabled subscriptions of the account for this trigger, for every campaign or for this one, that
     * existed when the event happened (a new subscription is not sent the past).
     */
    List<Long> subscriptions(String accountId, TriggerEvent trigger, long campaignId, Instant eventTime);

    /**
     * The active postback of this kind: for call-finished, the campaign's own URL when it has one, else
     * the account-wide one (seed 001); empty when none existed when the event happened.
     */
    List<Long> postbacks(String accountId, PostbackKind kind, long campaignId, Instant eventTime);
}
