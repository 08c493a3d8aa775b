package com.campaignledger.campaign.api;

import com.campaignledger.kernel.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;

/** The rules of a campaign's configuration, checked at the edge and again by the aggregate. */
public final class CampaignSettingsRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_SCRIPT_LENGTH = 20_000;
    public static final int MAX_URI_LENGTH = 2_000;
    public static final int MAX_LIST_SIZE = 100;
    public static final int MAX_ATTEMPTS = 10;
    public static final int MAX_MINUTES_BETWEEN_ATTEMPTS = 7 * 24 * 60;
    public static final int MAX_MULTILINE_DIALING_RATIO = 4;
    public static final int MAX_NUMBER_OF_RINGS = 20;

    private CampaignSettingsRules() {}

    static List<Violation> check(CampaignSettings s) {
        List<Violation> v = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            v.add(new Violation("name", "is required"));
        } else {
            text(v, "name", s.name(), MAX_NAME_LENGTH);
        }
        if (s.localRestrictBegin() != null
                && s.localRestrictEnd() != null
                && !s.localRestrictBegin().isBefore(s.localRestrictEnd())) {
            v.add(new Violation("localRestrictEnd", "must be later than localRestrictBegin"));
        }
        text(v, "script", s.script(), MAX_SCRIPT_LENGTH);
        size(v, "questions", s.questions());
        for (int i = 0; i < s.questions().size(); i++) {
            Question q = s.questions().get(i);
            String at = "questions[" + i + "]";
            required(v, at + ".label", q.label(), MAX_TEXT_LENGTH);
            if (q.responseType() == null) {
                v.add(new Violation(at + ".responseType", "is required"));
            } else if (q.responseType() == QuestionResponseType.CHOICE
                    && q.choices().isEmpty()) {
                v.add(new Violation(at + ".choices", "must not be empty for a CHOICE question"));
            }
            size(v, at + ".choices", q.choices());
            for (int j = 0; j < q.choices().size(); j++) {
                required(v, at + ".choices[" + j + "]", q.choices().get(j), MAX_TEXT_LENGTH);
            }
        }
        size(v, "transferNumbers", s.transferNumbers());
        for (int i = 0; i < s.transferNumbers().size(); i++) {
            TransferNumber t = s.transferNumbers().get(i);
            text(v, "transferNumbers[" + i + "].name", t.name(), MAX_TEXT_LENGTH);
            if (!PhoneNumbers.isE164(t.number())) {
                v.add(new Violation("transferNumbers[" + i + "].number", "must be a phone number"));
            }
        }
        if (s.fromNumber() != null && !PhoneNumbers.isCallerId(s.fromNumber())) {
            v.add(new Violation("fromNumber", "must be an 11-digit North-American number or a 5-6 digit short code"));
        }
        RetryConfig r = s.retryConfig();
        range(v, "retryConfig.maxAttempts", r.maxAttempts(), 1, MAX_ATTEMPTS);
        range(v, "retryConfig.minutesBetweenAttempts", r.minutesBetweenAttempts(), 1, MAX_MINUTES_BETWEEN_ATTEMPTS);
        positive(v, "agentGroupId", s.agentGroupId());
        text(v, "agentGroupName", s.agentGroupName(), MAX_TEXT_LENGTH);
        positive(v, "smartDropSoundId", s.smartDropSoundId());
        text(v, "smartDropSoundRef", s.smartDropSoundRef(), MAX_URI_LENGTH);
        text(v, "transferCallerId", s.transferCallerId(), MAX_TEXT_LENGTH);
        range(v, "multilineDialingRatio", s.multilineDialingRatio(), 1, MAX_MULTILINE_DIALING_RATIO);
        if (s.scrubLevel() != null && s.scrubLevel() < 0) {
            v.add(new Violation("scrubLevel", "must not be negative"));
        }
        range(v, "numberOfRings", s.numberOfRings(), 1, MAX_NUMBER_OF_RINGS);
        size(v, "labels", s.labels());
        for (int i = 0; i < s.labels().size(); i++) {
            required(v, "labels[" + i + "]", s.labels().get(i), MAX_TEXT_LENGTH);
        }
        size(v, "dispositionLists", s.dispositionLists());
        for (int i = 0; i < s.dispositionLists().size(); i++) {
            DispositionList d = s.dispositionLists().get(i);
            String at = "dispositionLists[" + i + "]";
            required(v, at + ".name", d.name(), MAX_TEXT_LENGTH);
            if (d.dispositions().isEmpty()) {
                v.add(new Violation(at + ".dispositions", "must not be empty"));
            }
            size(v, at + ".dispositions", d.dispositions());
            for (int j = 0; j < d.dispositions().size(); j++) {
                required(v, at + ".dispositions[" + j + "]", d.dispositions().get(j), MAX_TEXT_LENGTH);
            }
        }
        positive(v, "answeringMachineSoundId", s.answeringMachineSoundId());
        if (s.targetDropRate() < 0 || s.targetDropRate() > AbandonmentRule.LIMIT.doubleValue()) {
            v.add(new Violation("targetDropRate", "must be between 0 and 0.03 (the 3 % limit of abandoned calls)"));
        }
        if (s.maxRatio() < 1 || s.maxRatio() > MAX_MULTILINE_DIALING_RATIO) {
            v.add(new Violation("maxRatio", "must be between 1.0 and " + MAX_MULTILINE_DIALING_RATIO + ".0"));
        }
        return v;
    }

    private static void required(List<Violation> v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, "is required"));
        } else {
            text(v, field, value, max);
        }
    }

    private static void text(List<Violation> v, String field, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void size(List<Violation> v, String field, List<?> list) {
        if (list.size() > MAX_LIST_SIZE) {
            v.add(new Violation(field, "must have at most " + MAX_LIST_SIZE + " entries"));
        }
    }

    private static void range(List<Violation> v, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            v.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }

    private static void positive(List<Violation> v, String field, Long value) {
        if (value != null && value <= 0) {
            v.add(new Violation(field, "must be positive"));
        }
    }
}
