package com.campaignledger.notifications.postback;

import com.campaignledger.notifications.NotificationNotFoundException;
import com.campaignledger.notifications.NotificationRequestException;
import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.audit.AuditContext;
import com.campaignledger.notifications.audit.NotificationAuditLog;
import com.campaignledger.notifications.endpoint.EndpointGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 001's callback subscriptions: posting a {@code postUrl} subscribes (or moves the subscription to
 * the new URL), deleting unsubscribes. Every change is audited in its own transaction.
 */
@Service
public class PostbackService {

    static final String AUDIT_TYPE = "POSTBACK";
    private static final int MAX_URL_LENGTH = 2048;

    private final PostbackRepository postbacks;
    private final NotificationAuditLog audit;
    private final EndpointGuard guard;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PostbackService(
            PostbackRepository postbacks,
            NotificationAuditLog audit,
            EndpointGuard guard,
            TransactionTemplate transactions,
            Clock clock) {
        this.postbacks = postbacks;
        this.audit = audit;
        this.guard = guard;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Subscribes {@code postUrl} to call-finished or campaign-finished documents; {@code campaignId} null for
     * every campaign of the account.
     */
    public Postback subscribe(AuditContext context, PostbackKind kind, Long campaignId, String postUrl) {
        String url = postUrl == null ? "" : postUrl.trim();
        if (url.isEmpty()) {
            throw new NotificationRequestException("postUrl", "is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new NotificationRequestException("postUrl", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            guard.check(url);
        } catch (EndpointGuard.RefusedEndpointException e) {
            throw new NotificationRequestException("postUrl", e.getMessage());
        }
        long campaign = campaignKey(campaignId);
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<Postback> existing = postbacks.findForUpdate(context.accountId(), kind, campaign);
            if (existing.isEmpty()) {
                Postback fresh = new Postback(0, context.accountId(), kind, campaign, url, true, now, now);
                if (postbacks.insert(fresh)) {
                    Postback stored = postbacks
                            .findForUpdate(context.accountId(), kind, campaign)
                            .orElseThrow();
                    audit.record(context, AUDIT_TYPE, String.valueOf(stored.id()), "CREATED", null, stored);
                    return stored;
                }
                existing = postbacks.findForUpdate(context.accountId(), kind, campaign);
            }
            Postback before = existing.orElseThrow();
            Postback after =
                    new Postback(before.id(), before.accountId(), kind, campaign, url, true, before.created(), now);
            postbacks.update(after);
            audit.record(context, AUDIT_TYPE, String.valueOf(after.id()), "UPDATED", before, after);
            return after;
        });
    }

    /** Unsubscribes; a 404 when nothing was subscribed there. */
    public Postback unsubscribe(AuditContext context, PostbackKind kind, Long campaignId) {
        long campaign = campaignKey(campaignId);
        return transactions.execute(tx -> {
            Postback before = postbacks
                    .findForUpdate(context.accountId(), kind, campaign)
                    .filter(Postback::active)
                    .orElseThrow(() -> new NotificationNotFoundException(
                            "No " + kind.name().toLowerCase().replace('_', ' ') + " postback subscribed"
                                    + (campaign == 0 ? " for the account" : " for campaign " + campaign)));
            Postback after = new Postback(
                    before.id(),
                    before.accountId(),
                    kind,
                    campaign,
                    before.postUrl(),
                    false,
                    before.created(),
                    clock.instant());
            postbacks.update(after);
            audit.record(context, AUDIT_TYPE, String.valueOf(after.id()), "DELETED", before, after);
            return after;
        });
    }

    public List<Postback> active(String accountId) {
        return postbacks.active(accountId);
    }

    private static long campaignKey(Long campaignId) {
        if (campaignId == null) {
            return 0;
        }
        if (campaignId <= 0) {
            throw new NotificationNotFoundException("No campaign " + campaignId);
        }
        return campaignId;
    }
}
