package com.campaignledger.notifications.outbox;

import com.campaignledger.campaign.billing.BillingRule;
import com.campaignledger.notifications.api.BroadcastFacts;
import com.campaignledger.notifications.api.CallNotificationDecidedEvent;
import com.campaignledger.notifications.api.CampaignNotificationDecidedEvent;
import com.campaignledger.notifications.api.ComplianceAlertDecidedEvent;
import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.api.TriggerEvent;
import com.campaignledger.notifications.payload.NotificationDocuments;
import com.campaignledger.notifications.postback.Postback;
import com.campaignledger.notifications.postback.PostbackRepository;
import com.campaignledger.notifications.subscription.Subscription;
import com.campaignledger.notifications.subscription.SubscriptionRepository;
import com.campaignledger.notifications.subscription.SubscriptionService;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns the saga's decisions into deliveries: one outbox row per subscription or postback, with its
 * document rendered in the target's format, written in the transaction that moves this processor's token.
 * A crash before the commit leaves neither; a replay (or a redelivered event) finds the rows already there
 * (unique target and source event) and adds nothing, so nothing is ever sent twice because of it. The
 * outbox is history, not a read model: a reset keeps it.
 */
@Component
// It queues notifications for delivery: a replay would send past notifications again.
@DisallowReplay
@ProcessingGroup(NotificationOutbox.PROCESSING_GROUP)
public class NotificationOutbox {

    public static final String PROCESSING_GROUP = "notification-outbox";

    private final SubscriptionRepository subscriptions;
    private final PostbackRepository postbacks;
    private final DeliveryRepository deliveries;
    private final ObjectProvider<OutboxListener> listeners;
    private final BillingRule billing;

    public NotificationOutbox(
            SubscriptionRepository subscriptions,
            PostbackRepository postbacks,
            DeliveryRepository deliveries,
            ObjectProvider<OutboxListener> listeners,
            BillingRule billing) {
        this.subscriptions = subscriptions;
        this.postbacks = postbacks;
        this.deliveries = deliveries;
        this.listeners = listeners;
        this.billing = billing;
    }

    @EventHandler
    void on(CampaignNotificationDecidedEvent event, @Timestamp Instant at) {
        BroadcastFacts campaign = event.campaign();
        boolean added = false;
        for (long id : event.subscriptionIds()) {
            added |= toSubscription(
                    id,
                    event.trigger().name(),
                    event.sourceEventId(),
                    campaign,
                    at,
                    format -> NotificationDocuments.broadcastNotification(format, id, campaign));
        }
        for (long id : event.postbackIds()) {
            added |= toPostback(
                    id,
                    PostbackKind.CAMPAIGN_FINISH,
                    event.sourceEventId(),
                    campaign,
                    at,
                    NotificationDocuments.legacyCampaignFinished(
                            campaign, event.stats(), billing.formattedCost(event.usage())));
        }
        wakeWorkers(added);
    }

    @EventHandler
    void on(CallNotificationDecidedEvent event, @Timestamp Instant at) {
        BroadcastFacts campaign = event.campaign();
        boolean added = false;
        for (long id : event.subscriptionIds()) {
            added |= toSubscription(
                    id,
                    "OUTBOUND_CALL_FINISHED",
                    event.sourceEventId(),
                    campaign,
                    at,
                    format -> NotificationDocuments.callFinished(format, id, campaign, event.call()));
        }
        for (long id : event.postbackIds()) {
            added |= toPostback(
                    id,
                    PostbackKind.CALL_FINISH,
                    event.sourceEventId(),
                    campaign,
                    at,
                    NotificationDocuments.legacyCallFinished(campaign, event.call()));
        }
        wakeWorkers(added);
    }

    @EventHandler
    void on(ComplianceAlertDecidedEvent event, @Timestamp Instant at) {
        BroadcastFacts campaign = event.campaign();
        boolean added = false;
        for (long id : event.subscriptionIds()) {
            added |= toSubscription(
                    id,
                    TriggerEvent.COMPLIANCE_ALERT.name(),
                    event.sourceEventId(),
                    campaign,
                    at,
                    format -> NotificationDocuments.complianceAlert(format, id, campaign, event.compliance()));
        }
        wakeWorkers(added);
    }

    private boolean toSubscription(
            long id,
            String eventType,
            String sourceEventId,
            BroadcastFacts campaign,
            Instant at,
            Function<NotificationFormat, String> render) {
        Subscription s = subscriptions.find(id).orElse(null);
        if (s == null) {
            return false; // deleted since the decision: nobody to tell
        }
        NotificationFormat format = s.notificationFormat();
        // An e-mail carries the JSON document as its text.
        String payload = render.apply(format == NotificationFormat.EMAIL ? NotificationFormat.JSON : format);
        return deliveries.insertIfAbsent(new NewDelivery(
                newId(),
                "subscription:" + id,
                id,
                null,
                s.accountId(),
                campaign.campaignId(),
                eventType,
                sourceEventId,
                s.endpoint(),
                endpointKey(format, s.endpoint()),
                format.name(),
                NotificationDocuments.contentType(format),
                payload,
                format != NotificationFormat.EMAIL,
                at));
    }

    private boolean toPostback(
            long id, PostbackKind kind, String sourceEventId, BroadcastFacts campaign, Instant at, String payload) {
        Postback p = postbacks.find(id).filter(Postback::active).orElse(null);
        if (p == null) {
            return false;
        }
        // Seed 001's postbacks are raw XML and unsigned: they have no secret.
        return deliveries.insertIfAbsent(new NewDelivery(
                newId(),
                "postback:" + id,
                null,
                id,
                p.accountId(),
                campaign.campaignId(),
                kind.name(),
                sourceEventId,
                p.postUrl(),
                endpointKey(NotificationFormat.XML, p.postUrl()),
                NotificationFormat.XML.name(),
                NotificationDocuments.contentType(NotificationFormat.XML),
                payload,
                false,
                at));
    }

    private void wakeWorkers(boolean added) {
        if (added) {
            CurrentUnitOfWork.ifStarted(
                    uow -> uow.afterCommit(u -> listeners.forEach(OutboxListener::deliveriesAdded)));
        }
    }

    /** Standard Webhooks message ids: unique per delivery, the same on each of its attempts. */
    private static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** What the per-endpoint limit counts: scheme, host and port of a URL; the mail domain of an address. */
    static String endpointKey(NotificationFormat format, String endpoint) {
        if (format == NotificationFormat.EMAIL) {
            String address = SubscriptionService.mailbox(endpoint);
            return "mailto:" + address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
        URI uri = URI.create(endpoint);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
