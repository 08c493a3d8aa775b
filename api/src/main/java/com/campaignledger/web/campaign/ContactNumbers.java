package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.dnc.directory.DncQueries;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.web.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Checks an upload of numbers and writes each in E.164; one bad entry refuses the whole upload. */
@Component
public class ContactNumbers {

    static final int MAX_EXTRA_DATA_ENTRIES = 50;
    static final int MAX_EXTRA_DATA_KEY = 100;
    static final int MAX_EXTRA_DATA_VALUE = 1000;

    private final int maxPerUpload;
    private final DncQueries dnc;

    ContactNumbers(@Value("${ledger.max-numbers-per-upload}") int maxPerUpload, DncQueries dnc) {
        this.maxPerUpload = maxPerUpload;
        this.dnc = dnc;
    }

    /** Which of the numbers are on one of the account's do-not-call lists now; the campaign's scrubLevel decides. */
    Set<String> onDnc(String accountId, List<ContactNumber> numbers) {
        return numbers.isEmpty()
                ? Set.of()
                : dnc.onDnc(
                        accountId, numbers.stream().map(ContactNumber::number).toList());
    }

    /**
     * @param path where the list is in the request ({@code numbers} inside a campaign, empty for a bare array)
     */
    public List<ContactNumber> normalize(List<NumberRequest> requested, String path) {
        if (requested == null) {
            throw new RequestValidationException(path.isEmpty() ? "body" : path, "must be an array of numbers");
        }
        if (requested.size() > maxPerUpload) {
            throw new RequestValidationException(
                    path.isEmpty() ? "body" : path,
                    "must have at most " + maxPerUpload + " numbers per upload (" + requested.size() + " sent)");
        }
        List<Violation> violations = new ArrayList<>();
        List<ContactNumber> numbers = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String at = path + "[" + i + "]";
            NumberRequest n = requested.get(i);
            if (n == null) {
                violations.add(new Violation(at, "must be an object with a number"));
                continue;
            }
            Optional<String> e164 = PhoneNumbers.toE164(n.number());
            if (e164.isEmpty()) {
                violations.add(new Violation(
                        at + ".number", n.number() == null ? "is required" : "is not a valid phone number"));
                continue;
            }
            Map<String, String> extra = n.extraData() == null ? Map.of() : n.extraData();
            if (extra.size() > MAX_EXTRA_DATA_ENTRIES) {
                violations.add(
                        new Violation(at + ".extraData", "must have at most " + MAX_EXTRA_DATA_ENTRIES + " entries"));
            }
            Map<String, String> kept = new java.util.LinkedHashMap<>();
            extra.forEach((k, v) -> {
                if (k.isBlank() || k.length() > MAX_EXTRA_DATA_KEY) {
                    violations.add(new Violation(
                            at + ".extraData", "keys must be 1 to " + MAX_EXTRA_DATA_KEY + " characters"));
                }
                if (v == null || v.length() > MAX_EXTRA_DATA_VALUE) {
                    violations.add(new Violation(
                            at + ".extraData." + k,
                            "must be a string of at most " + MAX_EXTRA_DATA_VALUE + " characters"));
                } else {
                    kept.put(k, v);
                }
            });
            numbers.add(new ContactNumber(e164.get(), kept));
            if (violations.size() >= 100) {
                break;
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return numbers;
    }
}
