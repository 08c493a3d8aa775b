package com.campaignledger.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * Documentation only: the RFC 9457 problem every error answers with ({@code application/problem+json}),
 * as {@link com.campaignledger.web.ProblemHandler} writes it.
 */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details. Some problems add members of their own, "
                + "e.g. `currentStatus` and `command` on a 409, `currentVersion` on a 412.")
record Problem(
        @Schema(description = "A URI reference that identifies the problem type", defaultValue = "about:blank")
        URI type,

        @Schema(description = "Short summary of the problem type", example = "Invalid request")
        String title,

        @Schema(description = "The HTTP status code", example = "400")
        Integer status,

        @Schema(
                description = "What went wrong with this request, for a person to read",
                example = "fromNumber: must be a North-American phone number or a 5-6 digit short code")
        String detail,

        @Schema(description = "The request path", example = "/api/campaigns")
        URI instance,

        @Schema(description = "For invalid input: each offending field and what is wrong with it")
        List<FieldError> errors) {

    /** One invalid field of a request. */
    @Schema(name = "FieldError")
    record FieldError(
            @Schema(
                    description = "JSON path of the field, or the name of the parameter",
                    example = "retryConfig.maxAttempts")
            String field,

            @Schema(example = "must be between 1 and 10") String message) {}
}
