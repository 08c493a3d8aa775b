package com.campaignledger.web;

import com.campaignledger.campaign.api.Violation;
import java.util.List;

/** A request the edge refuses before any command is sent: a 400 naming each offending field. */
public class RequestValidationException extends RuntimeException {

    private final List<Violation> violations;

    public RequestValidationException(List<Violation> violations) {
        super("Invalid request: "
                + violations.stream().map(v -> v.field() + " " + v.message()).toList());
        this.violations = List.copyOf(violations);
    }

    public RequestValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
