package com.campaignledger.kernel.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of problem the service answers, on REST as problem+json and on SOAP as a fault: its {@code type} URI (a
 * page the service serves, {@code /problems/…}), its status, its title and the {@code code} a program can switch on.
 * docs/errors.md is the catalogue of the same list (a test holds the two together); a new kind of problem is a new
 * constant here and a row there.
 */
public enum ProblemType {
    INVALID_REQUEST(
            400,
            "Invalid request",
            "A field, parameter or header has a value the service does not take.",
            "errors: [{field, message}], one per refused field"),
    MALFORMED_BODY(400, "Malformed request body", "The body is missing, is not JSON, or is not the JSON expected.", ""),
    REQUEST_REJECTED(
            400,
            "Request rejected",
            "The path or a header has characters HTTP or the service does not allow; nothing was read.",
            ""),
    AUTHENTICATION_REQUIRED(
            401,
            "Authentication required",
            "No credentials, wrong ones, or a disabled credential or account: send an API credential with HTTP "
                    + "Basic (the answer carries WWW-Authenticate).",
            ""),
    INVALID_INVITE_TOKEN(
            401,
            "Invalid invite token",
            "The invite token is unknown, expired, revoked or signed with another key: ask for a new invite.",
            ""),
    FORBIDDEN(403, "Forbidden", "The credential lacks the role the endpoint needs (ADMIN).", ""),
    OUTSIDE_INVITE_TOKEN(
            403,
            "Not allowed by the invite token",
            "An invite token only opens its own agent's endpoints on its own campaign.",
            ""),
    AGENT_NOT_ADMITTED(
            403,
            "Agent not admitted to the campaign",
            "The campaign has a roster and the agent is not on it, or the agent is disabled.",
            "reason: why the agent is not admitted"),
    NOT_FOUND(404, "Not found", "No such resource in this account (another account's ids are not found either).", ""),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "The path exists but not with this method (see Allow).", ""),
    NOT_ACCEPTABLE(406, "Not acceptable", "None of the media types in Accept can be answered by this endpoint.", ""),
    ILLEGAL_TRANSITION(
            409,
            "Not allowed in the campaign's status",
            "The campaign's status forbids the command (e.g. starting a FINISHED campaign).",
            "currentStatus: the campaign's status; command: the refused command, where known"),
    AGENT_STATE_CONFLICT(
            409,
            "Not allowed in the agent's state",
            "The agent session's state forbids the command (e.g. storing a response with no call).",
            "currentState: the session's state"),
    AGENT_LOGGED_OUT(409, "Agent logged out", "The agent session has ended; call back and log in again.", ""),
    STATE_CONFLICT(
            409,
            "Not allowed in the current state",
            "The resource's state forbids the change (a disabled agent, a deleted group, a list in use, …).",
            ""),
    ALREADY_TAKEN(
            409,
            "Already taken",
            "A value that must be unique in the account is taken.",
            "errors: [{field, message}] naming the field"),
    CONCURRENT_CHANGE(
            409,
            "Concurrent change",
            "Another request changed the same aggregate at the same moment, repeatedly: retry the request.",
            ""),
    REPLAY_REFUSED(
            409,
            "Cannot replay this processor",
            "The processor acts on the world (it would act twice) or is replaying already.",
            ""),
    PRECONDITION_FAILED(
            412,
            "Changed since you read it",
            "If-Match names a version that is no longer current: read the resource again and retry with its ETag.",
            ""),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "The body is larger than the service takes in one request.", ""),
    UNSUPPORTED_MEDIA_TYPE(
            415, "Unsupported media type", "The endpoint does not read a body of this Content-Type.", ""),
    IDEMPOTENCY_KEY_REUSED(
            422,
            "Idempotency key reused with another request",
            "The Idempotency-Key was used before for a different request (method, path, query or body).",
            ""),
    RATE_LIMITED(
            429,
            "Too many requests",
            "The credential's or invite token's request rate is reached: retry after Retry-After seconds.",
            "retryAfterSeconds"),
    LOGIN_LOCKED(
            429,
            "Too many failed logins",
            "This login is locked for this client address after repeated failed logins: retry after Retry-After.",
            "retryAfterSeconds"),
    LOGIN_THROTTLED(
            429,
            "Too many logins",
            "Too many secrets to check from this client address: retry after Retry-After.",
            "retryAfterSeconds"),
    TOO_MANY_WAITS(
            429,
            "Too many waiting polls",
            "The credential or invite token has as many connection long-polls waiting as it may: retry after "
                    + "Retry-After.",
            "retryAfterSeconds"),
    INTERNAL_ERROR(
            500,
            "Internal error",
            "Unexpected; nothing was acknowledged. The X-Request-Id header finds the request in the logs.",
            ""),
    NOT_COMMITTED(
            503,
            "Not committed",
            "The request's changes could not be committed: nothing was acknowledged or changed; it can be sent again.",
            ""),
    READ_MODEL_REBUILDING(
            503,
            "Read model being rebuilt",
            "The read model that answers this is being replayed: retry after Retry-After seconds.",
            "readModel: the processor being replayed"),
    HTTP_ERROR(0, "HTTP error", "A status the HTTP layer answers by itself, with the status's reason as title.", "");

    private final int status;
    private final String title;
    private final String meaning;
    private final String fields;

    ProblemType(int status, String title, String meaning, String fields) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.fields = fields;
    }

    /** The last part of the type URI: {@code ILLEGAL_TRANSITION} is {@code /problems/illegal-transition}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public URI uri() {
        return URI.create("/problems/" + slug());
    }

    /** The status of this kind of problem; 0 for {@link #HTTP_ERROR}, whose status varies. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    /** The members a problem of this kind has besides type, title, status, detail, instance and code. */
    public String fields() {
        return fields;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The kind a problem made without one gets (Spring MVC's own, Tomcat's): the first of its status. */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(values())
                .filter(t -> t.status == status)
                .findFirst()
                .orElse(HTTP_ERROR);
    }
}
