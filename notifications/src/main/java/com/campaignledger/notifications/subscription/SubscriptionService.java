package com.campaignledger.notifications.subscription;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.notifications.NotificationConflictException;
import com.campaignledger.notifications.NotificationNotFoundException;
import com.campaignledger.notifications.NotificationRequestException;
import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.audit.AuditContext;
import com.campaignledger.notifications.audit.NotificationAuditEntry;
import com.campaignledger.notifications.audit.NotificationAuditLog;
import com.campaignledger.notifications.endpoint.EndpointGuard;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SubscriptionService: create, query, get, update and delete subscriptions. Each change and its audit
 * entry are written in one transaction; endpoints pass the SSRF guard before anything is written.
 */
@Service
public class SubscriptionService {

    static final String AUDIT_TYPE = "SUBSCRIPTION";
    static final int MAX_ENDPOINT_LENGTH = 2048;

    private final SubscriptionRepository subscriptions;
    private final PendingDeliveries deliveries;
    private final NotificationAuditLog audit;
    private final EndpointGuard guard;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            PendingDeliveries deliveries,
            NotificationAuditLog audit,
            EndpointGuard guard,
            TransactionTemplate transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.guard = guard;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CreatedSubscription create(AuditContext context, SubscriptionDraft draft) {
        SubscriptionDraft valid = validate(draft);
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Subscription s = new Subscription(
                    subscriptions.nextId(),
                    context.accountId(),
                    valid.endpoint(),
                    valid.triggerEvent(),
                    valid.notificationFormat(),
                    valid.campaignId(),
                    valid.enabled(),
                    1,
                    now,
                    now);
            String secret = SigningSecrets.generate();
            subscriptions.insert(s, secret);
            audit.record(context, AUDIT_TYPE, String.valueOf(s.id()), "CREATED", null, s);
            return new CreatedSubscription(s, secret);
        });
    }

    public Subscription get(String accountId, long id) {
        return subscriptions.find(accountId, id).orElseThrow(() -> notFound(id));
    }

    public SubscriptionPage list(SubscriptionQuery query) {
        return subscriptions.list(query);
    }

    /**
     * Changes the fields {@code change} changes. {@code expectedVersion} (from If-Match) must be the current
     * version when given.
     */
    public Subscription update(
            AuditContext context, long id, Long expectedVersion, UnaryOperator<SubscriptionDraft> change) {
        return transactions.execute(tx -> {
            Subscription current = get(context.accountId(), id);
            checkVersion(current, expectedVersion);
            SubscriptionDraft wanted = validate(change.apply(current.draft()));
            if (wanted.equals(current.draft())) {
                return current;
            }
            Subscription updated = new Subscription(
                    id,
                    current.accountId(),
                    wanted.endpoint(),
                    wanted.triggerEvent(),
                    wanted.notificationFormat(),
                    wanted.campaignId(),
                    wanted.enabled(),
                    current.version() + 1,
                    current.created(),
                    clock.instant());
            if (!subscriptions.update(updated, current.version())) {
                throw new NotificationConflictException(
                        "Subscription " + id + " was changed by another request; " + "read it again and retry", true);
            }
            audit.record(context, AUDIT_TYPE, String.valueOf(id), "UPDATED", current, updated);
            return updated;
        });
    }

    /** Deletes the subscription; its pending deliveries are cancelled, its delivery log is kept. */
    public void delete(AuditContext context, long id, Long expectedVersion) {
        transactions.executeWithoutResult(tx -> {
            Subscription current = get(context.accountId(), id);
            checkVersion(current, expectedVersion);
            Instant now = clock.instant();
            if (!subscriptions.delete(id, current.version(), now)) {
                throw new NotificationConflictException(
                        "Subscription " + id + " was changed by another request; " + "read it again and retry", true);
            }
            deliveries.cancelPending(id, "the subscription was deleted", now);
            audit.record(context, AUDIT_TYPE, String.valueOf(id), "DELETED", current, null);
        });
    }

    /** Who changed the subscription and how: readable after its deletion too, as its delivery log is. */
    public List<NotificationAuditEntry> history(String accountId, long id) {
        if (!subscriptions.existed(accountId, id)) {
            throw new NotificationNotFoundException("No subscription " + id);
        }
        return audit.history(accountId, AUDIT_TYPE, String.valueOf(id));
    }

    private SubscriptionDraft validate(SubscriptionDraft d) {
        List<Violation> violations = new ArrayList<>();
        if (d.triggerEvent() == null) {
            violations.add(new Violation("triggerEvent", "is required"));
        }
        if (d.notificationFormat() == null) {
            violations.add(new Violation("notificationFormat", "is required"));
        }
        if (d.campaignId() != null && d.campaignId() <= 0) {
            violations.add(new Violation("campaignId", "must be a campaign id (a positive number)"));
        }
        String endpoint = d.endpoint() == null ? null : d.endpoint().trim();
        if (endpoint == null || endpoint.isEmpty()) {
            violations.add(new Violation("endpoint", "is required"));
        } else if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
            violations.add(new Violation("endpoint", "must be at most " + MAX_ENDPOINT_LENGTH + " characters"));
        } else if (d.notificationFormat() == NotificationFormat.EMAIL) {
            String problem = emailProblem(endpoint);
            if (problem != null) {
                violations.add(new Violation("endpoint", problem));
            }
        } else if (d.notificationFormat() != null) {
            try {
                guard.check(endpoint);
            } catch (EndpointGuard.RefusedEndpointException e) {
                violations.add(new Violation("endpoint", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new NotificationRequestException(violations);
        }
        return new SubscriptionDraft(endpoint, d.triggerEvent(), d.notificationFormat(), d.campaignId(), d.enabled());
    }

    /** Why an EMAIL endpoint is no mailbox ({@code mailto:} URL or bare address), or null when it is one. */
    static String emailProblem(String endpoint) {
        String address = mailbox(endpoint);
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().contains("@") ? null : "must be an e-mail address or a mailto: URL";
        } catch (AddressException e) {
            return "must be an e-mail address or a mailto: URL";
        }
    }

    /** The address of an EMAIL endpoint. */
    public static String mailbox(String endpoint) {
        return endpoint.toLowerCase(Locale.ROOT).startsWith("mailto:")
                ? endpoint.substring("mailto:".length())
                : endpoint;
    }

    private static void checkVersion(Subscription current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new NotificationConflictException(
                    "Subscription " + current.id() + " is at version " + current.version() + ", not " + expectedVersion
                            + ": read it again and retry with the new ETag",
                    true);
        }
    }

    private static NotificationNotFoundException notFound(long id) {
        return new NotificationNotFoundException("No subscription " + id);
    }
}
