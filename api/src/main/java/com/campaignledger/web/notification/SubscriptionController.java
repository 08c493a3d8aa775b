package com.campaignledger.web.notification;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;
import com.campaignledger.notifications.audit.NotificationAuditEntry;
import com.campaignledger.notifications.delivery.DeliveryService;
import com.campaignledger.notifications.outbox.Delivery;
import com.campaignledger.notifications.subscription.CreatedSubscription;
import com.campaignledger.notifications.subscription.Subscription;
import com.campaignledger.notifications.subscription.SubscriptionDraft;
import com.campaignledger.notifications.subscription.SubscriptionPage;
import com.campaignledger.notifications.subscription.SubscriptionQuery;
import com.campaignledger.notifications.subscription.SubscriptionService;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.campaignledger.web.JsonErrors;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SubscriptionService as REST: create (the only response with the signing secret), query, get, update
 * (partial; If-Match honoured), delete, the delivery log and the audit history of one subscription.
 */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private static final Set<String> FIELDS =
            Set.of("endpoint", "triggerEvent", "notificationFormat", "campaignId", "enabled", "requestId");

    private final SubscriptionService subscriptions;
    private final DeliveryService deliveries;
    private final CommandExecutor executor;
    private final ObjectMapper json;
    private final CampaignLookup campaigns;
    private final int maxPageSize;

    SubscriptionController(
            SubscriptionService subscriptions,
            DeliveryService deliveries,
            CommandExecutor executor,
            ObjectMapper json,
            CampaignLookup campaigns,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.executor = executor;
        this.json = json;
        this.campaigns = campaigns;
        this.maxPageSize = maxPageSize;
    }

    /** CreateSubscription: 201 with the subscription and its signing secret, shown this once. */
    @PostMapping
    ResponseEntity<?> create(@RequestBody SubscriptionRequest body, CommandRequest command) {
        requireCampaignOfAccount(body.campaignId(), command.context().accountId());
        SubscriptionDraft draft = new SubscriptionDraft(
                body.endpoint(),
                body.triggerEvent(),
                body.notificationFormat(),
                body.campaignId(),
                body.enabled() == null || body.enabled());
        return executor.execute(command, body.requestId(), body, context -> {
            CreatedSubscription created = subscriptions.create(Audits.of(context), draft);
            Subscription s = created.subscription();
            return ResponseEntity.created(URI.create("/api/subscriptions/" + s.id()))
                    .eTag(ETags.of(s.version()))
                    .body(SubscriptionResponse.of(s, created.secret()));
        });
    }

    /** QuerySubscriptions. */
    @GetMapping
    PageResponse<SubscriptionResponse> list(
            @RequestParam(required = false) TriggerEvent triggerEvent,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            RequestContext context) {
        QueryParameters.checkPage(page, size, maxPageSize);
        SubscriptionPage result = subscriptions.list(
                new SubscriptionQuery(context.accountId(), triggerEvent, campaignId, enabled, page, size));
        return PageResponse.of(
                result.content().stream().map(SubscriptionResponse::of).toList(), page, size, result.totalElements());
    }

    /** GetSubscription; the ETag is its version. */
    @GetMapping("/{id}")
    ResponseEntity<SubscriptionResponse> get(@PathVariable long id, RequestContext context) {
        Subscription s = subscriptions.get(context.accountId(), id);
        return ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s));
    }

    /** UpdateSubscription: only the fields sent change; {@code "campaignId": null} makes it account-wide again. */
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<?> update(
            @PathVariable long id,
            @RequestBody JsonNode body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        Function<SubscriptionDraft, SubscriptionDraft> change =
                patch(body, command.context().accountId());
        String requestId = body.hasNonNull("requestId") ? body.get("requestId").asText() : null;
        return executor.execute(command, requestId, body, context -> {
            Subscription s = subscriptions.update(Audits.of(context), id, expected, change::apply);
            return ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s));
        });
    }

    /** DeleteSubscription: its pending deliveries are cancelled; its delivery log stays readable by id. */
    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, null, context -> {
            subscriptions.delete(Audits.of(context), id, expected);
            return ResponseEntity.noContent().build();
        });
    }

    /** The subscription's deliveries, newest first, each with every attempt. */
    @GetMapping("/{id}/deliveries")
    PageResponse<Delivery> deliveries(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            RequestContext context) {
        QueryParameters.checkPage(page, size, maxPageSize);
        DeliveryService.DeliveryPage result = deliveries.forSubscription(context.accountId(), id, page, size);
        return PageResponse.of(result.content(), page, size, result.totalElements());
    }

    /** Who changed the subscription, when, under which request, from what to what. */
    @GetMapping("/{id}/history")
    List<NotificationAuditEntry> history(@PathVariable long id, RequestContext context) {
        return subscriptions.history(context.accountId(), id);
    }

    /**
     * A subscription to one campaign names a campaign of the account: an unknown (or another account's) id
     * would be a subscription nothing ever triggers. Ids below 1 are the service's to refuse.
     */
    private void requireCampaignOfAccount(Long campaignId, String accountId) {
        if (campaignId != null && campaignId > 0 && !campaigns.createdBy(accountId, campaignId)) {
            throw new RequestValidationException("campaignId", "no campaign " + campaignId + " in this account");
        }
    }

    private Function<SubscriptionDraft, SubscriptionDraft> patch(JsonNode body, String accountId) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException("body", "must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "is not a known field"));
            } else if (body.get(name).isNull() && !name.equals("campaignId") && !name.equals("requestId")) {
                violations.add(new Violation(name, "must not be null"));
            }
        }
        String endpoint = read(body, "endpoint", String.class, violations);
        TriggerEvent trigger = read(body, "triggerEvent", TriggerEvent.class, violations);
        NotificationFormat format = read(body, "notificationFormat", NotificationFormat.class, violations);
        Long campaignId = read(body, "campaignId", Long.class, violations);
        Boolean enabled = read(body, "enabled", Boolean.class, violations);
        read(body, "requestId", String.class, violations);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        requireCampaignOfAccount(campaignId, accountId);
        return d -> new SubscriptionDraft(
                body.has("endpoint") ? endpoint : d.endpoint(),
                body.has("triggerEvent") ? trigger : d.triggerEvent(),
                body.has("notificationFormat") ? format : d.notificationFormat(),
                body.has("campaignId") ? campaignId : d.campaignId(),
                body.has("enabled") ? enabled : d.enabled());
    }

    private <T> T read(JsonNode body, String field, Class<T> type, List<Violation> violations) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return json.readerFor(type).readValue(json.treeAsTokens(value));
        } catch (JsonMappingException e) {
            violations.add(JsonErrors.violation(field, e));
        } catch (java.io.IOException e) {
            violations.add(new Violation(field, "has an invalid value"));
        }
        return null;
    }
}
