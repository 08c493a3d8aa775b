package com.campaignledger.idempotency;

import com.campaignledger.eventstore.RequestTransactions;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command request: idempotently when it carries a key (CallFire's RequestId or an
 * Idempotency-Key header), and again when another writer appended to the same aggregate at the same
 * moment (the event store's unique (aggregate, sequence) constraint caught it, so nothing was lost).
 * <p>
 * With a key, the key, the events and the first response are written in one transaction: a repeat gets
 * that response and writes nothing; a crash leaves either all of them or none.
 */
@Component
public class CommandExecutor {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_ATTEMPTS = 5;
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    /**
     * An answer that shows a secret once (a new credential's): what is stored for a repeat of the request leaves the
     * secret out, so no table ever holds it.
     */
    public interface SecretBearing {
        Object storedWithoutSecret();
    }

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final CommandGateway commands;
    private final Counter replays;

    CommandExecutor(
            IdempotencyStore store,
            TransactionTemplate transactions,
            ObjectMapper json,
            CommandGateway commands,
            MeterRegistry meters,
            @Value(RequestTransactions.MAX_CONCURRENT) int requestTransactions) {
        this.commands = commands;
        this.replays = Counter.builder("ledger.idempotent.replays")
                .description("Repeated command requests answered with the first answer, without running again")
                .register(meters);
        this.store = store;
        // With request transactions on, a savepoint inside the request's: a collision rolls back this attempt alone,
        // and the retry runs in a transaction still usable (on PostgreSQL a failed statement aborts the whole one).
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        if (requestTransactions > 0) {
            this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        }
        // Stored answers are replayed as stored, whatever the rules for requests (the API mapper's JsonFactory).
        this.json = json.copyWith(new JsonFactory());
    }

    /**
     * Runs {@code action} for an HTTP command request. Its key is the Idempotency-Key header or the body's
     * requestId (both may be sent only when equal); what identifies the request beside the key is its method,
     * path, query string and body.
     */
    public ResponseEntity<?> execute(
            CommandRequest command, String requestId, Object body, Function<RequestContext, ResponseEntity<?>> action) {
        String header = command.idempotencyKey();
        if (header != null && requestId != null && !header.equals(requestId)) {
            throw new RequestValidationException(
                    "requestId", "differs from the Idempotency-Key header; send one of them");
        }
        String request = command.target() + "\n" + (body == null ? "" : write(body));
        return execute(command.context(), header != null ? header : requestId, request, action);
    }

    /** Sends a command with the request's metadata (actor, account, request and correlation ids) and waits for it. */
    public <R> R send(RequestContext context, Object command) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).withMetaData(context.metaData()));
    }

    /**
     * Runs {@code action} for this request, under its key if it has one.
     *
     * @param key     the idempotency key, or null
     * @param request what identifies the request beside the key: method, path and body
     */
    private ResponseEntity<?> execute(
            RequestContext context, String key, String request, Function<RequestContext, ResponseEntity<?>> action) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new RequestValidationException("requestId", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        RequestContext keyed = context.withRequestId(key);
        for (int attempt = 1; ; attempt++) {
            try {
                if (key == null) {
                    return action.apply(keyed);
                }
                return transactions.execute(tx -> once(keyed, key, fingerprint(request), action));
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS || !isCollision(e)) {
                    throw e;
                }
                log.debug("Concurrent write on attempt {}, retrying: {}", attempt, e.toString());
            }
        }
    }

    /**
     * Another writer got there first: an append to the same aggregate (the event store's unique
     * (aggregate, sequence)), or a row of a table kept in the same transaction (the agent directory).
     */
    private static boolean isCollision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<?> once(
            RequestContext context,
            String key,
            String fingerprint,
            Function<RequestContext, ResponseEntity<?>> action) {
        if (!store.claim(context.accountId(), key, fingerprint)) {
            IdempotencyStore.StoredResponse stored = store.find(context.accountId(), key)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            replays.increment();
            return replay(stored);
        }
        ResponseEntity<?> response = action.apply(context);
        Map<String, String> headers = new LinkedHashMap<>();
        KEPT_HEADERS.forEach(h -> {
            String value = response.getHeaders().getFirst(h);
            if (value != null) {
                headers.put(h, value);
            }
        });
        store.complete(
                context.accountId(),
                key,
                response.getStatusCode().value(),
                write(headers),
                response.hasBody() ? write(storable(response.getBody())) : null);
        return response;
    }

    private ResponseEntity<?> replay(IdempotencyStore.StoredResponse stored) {
        try {
            Map<String, String> headers = json.readValue(stored.headers(), new TypeReference<>() {});
            ResponseEntity.BodyBuilder builder =
                    ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
            headers.forEach(builder::header);
            JsonNode body = stored.body() == null ? null : json.readTree(stored.body());
            if (body == null) {
                return builder.build();
            }
            // A text answer (the legacy postbacks' XML) is given back as the text it was, not as a JSON string.
            return body.isTextual() && headers.containsKey(HttpHeaders.CONTENT_TYPE)
                    ? builder.body(body.asText())
                    : builder.body(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response unreadable", e);
        }
    }

    private static Object storable(Object body) {
        return body instanceof SecretBearing secret ? secret.storedWithoutSecret() : body;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private static String fingerprint(String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
