package com.campaignledger.campaign.command;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.ComplianceViolation;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.PhoneNumbers;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The value rules of a campaign's commands: what a request must say on its own, whatever the campaign is doing.
 * Checks against the campaign's state (status, revision, its numbers) stay in its command handlers; the settings'
 * own rules are {@link com.campaignledger.campaign.api.CampaignSettingsRules}.
 */
final class CampaignRules {

    private static final int MAX_CALL_ID = 100;

    private CampaignRules() {}

    static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCampaignException(violations);
        }
    }

    static List<Violation> numberViolations(List<ContactNumber> numbers) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i).number();
            if (!PhoneNumbers.isE164(number)) {
                violations.add(new Violation("numbers[" + i + "].number", "must be a phone number in E.164"));
            }
        }
        return violations;
    }

    /** The roster ids to add: each requested id must be positive; those already present are left out. */
    static List<Long> newIds(String field, List<Long> ids, Set<Long> present) {
        if (ids.isEmpty()) {
            throw new InvalidCampaignException(List.of(new Violation(field, "must name at least one id")));
        }
        Set<Long> added = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null || id <= 0) {
                throw new InvalidCampaignException(
                        List.of(new Violation(field + "[" + i + "]", "must be a positive id")));
            }
            if (!present.contains(id)) {
                added.add(id);
            }
        }
        return List.copyOf(added);
    }

    static void requireDialRatio(double ratio) {
        if (Double.isNaN(ratio)
                || ratio < UpdateDialRatioCommand.MIN_RATIO
                || ratio > UpdateDialRatioCommand.MAX_RATIO) {
            throw new InvalidCampaignException(List.of(new Violation(
                    "ratio",
                    "must be between " + UpdateDialRatioCommand.MIN_RATIO + " and "
                            + UpdateDialRatioCommand.MAX_RATIO)));
        }
    }

    /** What is wrong with a call's report on its own; the handler adds what the campaign knows (its number). */
    static List<Violation> callViolations(RecordCallResultCommand command) {
        List<Violation> violations = new ArrayList<>();
        if (command.callId() == null
                || command.callId().isBlank()
                || command.callId().length() > MAX_CALL_ID) {
            violations.add(new Violation("callId", "is required (at most " + MAX_CALL_ID + " characters)"));
        }
        if (command.result() == null) {
            violations.add(new Violation("result", "is required"));
        }
        if (command.startTime() == null) {
            violations.add(new Violation("startTime", "is required"));
        }
        if (command.durationSeconds() < 0) {
            violations.add(new Violation("durationSeconds", "must not be negative"));
        }
        return violations;
    }

    /**
     * What a reported attempt broke, if anything: a number on a DNC list, else a start outside the calling window
     * (localRestrictBegin/End) in the number's own time zone. Unknown zone: no window check.
     */
    static ComplianceViolation violation(RecordCallResultCommand command, CampaignSettings settings) {
        if (command.onDnc()) {
            return ComplianceViolation.DNC;
        }
        LocalTime begin = settings.localRestrictBegin();
        LocalTime end = settings.localRestrictEnd();
        if (command.numberZone() == null || command.startTime() == null || (begin == null && end == null)) {
            return null;
        }
        LocalTime local = command.startTime().atZone(command.numberZone()).toLocalTime();
        boolean inside = (begin == null || !local.isBefore(begin)) && (end == null || local.isBefore(end));
        return inside ? null : ComplianceViolation.CALLING_WINDOW;
    }
}
