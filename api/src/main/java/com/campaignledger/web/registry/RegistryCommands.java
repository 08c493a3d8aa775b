package com.campaignledger.web.registry;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the registry's controllers share: sending a command with the request's metadata, page and id checks. */
@Component
class RegistryCommands {

    private final int maxPageSize;

    RegistryCommands(@Value("${ledger.max-page-size}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    void checkPage(int page, int size) {
        QueryParameters.checkPage(page, size, maxPageSize);
    }

    /** A list of ids in a body: present, not empty, each positive. */
    static List<Long> requireIds(String field, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new RequestValidationException(field, "must name at least one id");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i) <= 0) {
                throw new RequestValidationException(field + "[" + i + "]", "must be a positive id");
            }
        }
        return ids;
    }

    /** Every id of {@code ids} is among those {@code found} in the account; else a 400 naming each unknown one. */
    static void requireKnown(String field, String what, List<Long> ids, Set<Long> found) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                violations.add(
                        new Violation(field + "[" + i + "]", "no " + what + " " + ids.get(i) + " in this account"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }
}
