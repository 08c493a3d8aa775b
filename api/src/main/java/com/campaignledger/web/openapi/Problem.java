package com.campaignledger.web.openapi;

import com.campaignledger.kernel.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Documentation only: the RFC 9457 problem every error answers with ({@code application/problem+json}),
 * as {@link com.campaignledger.web.ProblemHandler} writes it.
 */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details. `type` names the kind of problem (a page under `/problems`, the "
                + "catalogue) and `code` the same kind for programs; some kinds add members of their own, e.g. "
                + "`currentStatus` and `command` on an illegal transition, `retryAfterSeconds` on a 429.")
record Problem(
        @Schema(
                description = "The kind of problem: a URI reference, relative to the service, to the page that "
                        + "documents it",
                format = "uri-reference",
                example = "/problems/invalid-request")
        String type,

        @Schema(description = "Short summary of the problem type", example = "Invalid request")
        String title,

        @Schema(description = "The HTTP status code", example = "400")
        Integer status,

        @Schema(
                description = "What went wrong with this request, for a person to read",
                example = "fromNumber: must be a North-American phone number or a 5-6 digit short code")
        String detail,

        @Schema(
                description = "The path of the request that failed (a relative URI reference, no query)",
                format = "uri-reference",
                example = "/api/campaigns")
        String instance,

        @Schema(description = "The kind of problem, for programs to switch on", example = "INVALID_REQUEST")
        ProblemType code,

        @Schema(description = "For invalid input: each offending field and what is wrong with it")
        List<FieldError> errors,

        @Schema(description = "On a 429: the seconds to wait, as in Retry-After", example = "1")
        Long retryAfterSeconds,

        @Schema(description = "On a 503 READ_MODEL_REBUILDING: the read model being rebuilt", example = "campaign-view")
        String readModel,

        @Schema(description = "On an ILLEGAL_TRANSITION: the campaign's status", example = "FINISHED")
        String currentStatus,

        @Schema(description = "On an ILLEGAL_TRANSITION: the refused command, where known", example = "START")
        String command,

        @Schema(description = "On an AGENT_STATE_CONFLICT: the agent session's state", example = "READY")
        String currentState,

        @Schema(description = "On an AGENT_NOT_ADMITTED: why the agent is not admitted", example = "NOT_ON_ROSTER")
        String reason,

        @Schema(description = "On a 412: the resource's current version", example = "7")
        Long currentVersion) {

    /** One invalid field of a request. */
    @Schema(name = "FieldError")
    record FieldError(
            @Schema(
                    description = "JSON path of the field, or the name of the parameter",
                    example = "retryConfig.maxAttempts")
            String field,

            @Schema(example = "must be between 1 and 10") String message) {}
}
