package com.campaignledger.notifications;

import com.campaignledger.campaign.api.Violation;
import java.util.List;

/** A subscription or postback request the ledger refuses (a bad or forbidden endpoint, a missing field): a 400. */
public class NotificationRequestException extends RuntimeException {

    private final List<Violation> violations;

    public NotificationRequestException(List<Violation> violations) {
        super("Invalid request: "
                + violations.stream().map(v -> v.field() + " " + v.message()).toList());
        this.violations = List.copyOf(violations);
    }

    public NotificationRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
