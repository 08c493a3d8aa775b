package com.campaignledger.web.notification;

import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.ControlCharacters;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.kernel.json.ControlCharacterException;
import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.payload.NotificationDocuments;
import com.campaignledger.notifications.postback.Postback;
import com.campaignledger.notifications.postback.PostbackService;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001's callback subscriptions: POST a {@code postUrl} (form field, query parameter or JSON) to
 * subscribe, DELETE the same path to unsubscribe. The answer is seed 001's reportResponse, XML unless the
 * Accept header prefers JSON.
 */
@RestController
@RequestMapping("/api/callbacks")
class PostbackController {

    /** CallFire's clients send their API key with every call: the security filters authenticate it, not this class. */
    private static final Set<String> JSON_FIELDS = Set.of("postUrl", "apikey");

    private final PostbackService postbacks;
    private final ObjectMapper json;
    private final CommandExecutor executor;
    private final CampaignLookup campaigns;

    PostbackController(
            PostbackService postbacks, ObjectMapper json, CampaignLookup campaigns, CommandExecutor executor) {
        this.executor = executor;
        this.postbacks = postbacks;
        this.json = json;
        this.campaigns = campaigns;
    }

    /** The account's active postbacks. */
    @GetMapping
    List<Postback> list(RequestContext context) {
        return postbacks.active(context.accountId());
    }

    @PostMapping("/callfinish")
    ResponseEntity<?> callFinish(HttpServletRequest http, CommandRequest command) {
        return subscribe(http, command, PostbackKind.CALL_FINISH, null);
    }

    @PostMapping("/callfinish/{campaignId}")
    ResponseEntity<?> callFinish(@PathVariable long campaignId, HttpServletRequest http, CommandRequest command) {
        // Ids below 1 are the service's to refuse; an unknown (or another account's) campaign would never post.
        if (campaignId > 0 && !campaigns.createdBy(RequestContext.of(http).accountId(), campaignId)) {
            throw new ResourceNotFoundException("No campaign " + campaignId);
        }
        return subscribe(http, command, PostbackKind.CALL_FINISH, campaignId);
    }

    @PostMapping("/campaignfinish")
    ResponseEntity<?> campaignFinish(HttpServletRequest http, CommandRequest command) {
        return subscribe(http, command, PostbackKind.CAMPAIGN_FINISH, null);
    }

    @DeleteMapping("/callfinish")
    ResponseEntity<?> stopCallFinish(HttpServletRequest http, CommandRequest command) {
        return unsubscribe(http, command, PostbackKind.CALL_FINISH, null);
    }

    @DeleteMapping("/callfinish/{campaignId}")
    ResponseEntity<?> stopCallFinish(@PathVariable long campaignId, HttpServletRequest http, CommandRequest command) {
        return unsubscribe(http, command, PostbackKind.CALL_FINISH, campaignId);
    }

    @DeleteMapping("/campaignfinish")
    ResponseEntity<?> stopCampaignFinish(HttpServletRequest http, CommandRequest command) {
        return unsubscribe(http, command, PostbackKind.CAMPAIGN_FINISH, null);
    }

    /** Under an Idempotency-Key, a repeat (the same postUrl) answers what the first got, and writes nothing. */
    private ResponseEntity<?> subscribe(
            HttpServletRequest http, CommandRequest command, PostbackKind kind, Long campaignId) {
        String postUrl = postUrl(http);
        return executor.execute(command, null, postUrl, context -> {
            postbacks.subscribe(Audits.of(context), kind, campaignId, postUrl);
            return report(http, "Saved");
        });
    }

    private ResponseEntity<?> unsubscribe(
            HttpServletRequest http, CommandRequest command, PostbackKind kind, Long campaignId) {
        return executor.execute(command, null, null, context -> {
            postbacks.unsubscribe(Audits.of(context), kind, campaignId);
            return report(http, "Deleted");
        });
    }

    /** The postUrl from a JSON body, or else from the form body or the query string (seed 001's clients). */
    private String postUrl(HttpServletRequest http) {
        if (http.getContentType() != null
                && MediaType.parseMediaType(http.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            JsonNode body;
            try {
                body = json.readTree(StreamUtils.copyToString(http.getInputStream(), StandardCharsets.UTF_8));
            } catch (ControlCharacterException e) {
                throw new RequestValidationException(e.field(), e.reason());
            } catch (IOException e) {
                throw new RequestValidationException("body", "must be a JSON object with a postUrl");
            }
            if (body == null || !body.isObject()) {
                throw new RequestValidationException("body", "must be a JSON object with a postUrl");
            }
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!JSON_FIELDS.contains(name)) {
                    throw new RequestValidationException(name, "is not a known field");
                }
            }
            JsonNode url = body.get("postUrl");
            if (url != null && !url.isNull() && !url.isTextual()) {
                throw new RequestValidationException("postUrl", "must be a string");
            }
            return url == null || url.isNull() ? null : url.asText();
        }
        // Form fields and the query string are read here, past the binder's text rule: it is applied here.
        String postUrl = http.getParameter("postUrl");
        if (ControlCharacters.refused(postUrl)) {
            throw new RequestValidationException("postUrl", ControlCharacters.problem(postUrl));
        }
        return postUrl;
    }

    private static ResponseEntity<String> report(HttpServletRequest http, String description) {
        boolean asJson = prefersJson(http.getHeader(HttpHeaders.ACCEPT));
        return ResponseEntity.ok()
                .contentType(new MediaType(
                        asJson ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(NotificationDocuments.reportResponse(description, true, asJson));
    }

    /** XML is the seed's answer; JSON only when the Accept header ranks it above XML. */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        double json = 0;
        double xml = 0;
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
                xml = Math.max(xml, type.getQualityValue());
            }
        }
        return json > xml;
    }
}
