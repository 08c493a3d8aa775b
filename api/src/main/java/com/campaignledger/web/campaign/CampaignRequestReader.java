package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.TransferNumber;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.web.JsonErrors;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign body field by field, so that a partial update knows which fields were sent (and which
 * were sent as null), every unknown or read-only field is named, and each wrong value is reported with its
 * path. Types come from {@code CampaignSettings} itself: a new setting needs no change here.
 */
@Component
class CampaignRequestReader {

    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "status",
            "created",
            "lastModified",
            "configUpdated",
            "version",
            "numberCount",
            "dialRatio",
            "passcodeSet",
            "passcodeHash",
            // Taken from the agent group agentGroupId names, and following its renames.
            "agentGroupName");

    private final ObjectMapper json;
    private final ContactNumbers contactNumbers;

    CampaignRequestReader(ObjectMapper json, ContactNumbers contactNumbers) {
        this.json = json;
        this.contactNumbers = contactNumbers;
    }

    CampaignRequest read(JsonNode body, boolean creating) {
        if (!(body instanceof ObjectNode object)) {
            throw new RequestValidationException("body", "must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        boolean passcodeSent = false;
        String passcode = null;
        List<ContactNumber> numbers = List.of();
        String requestId = null;
        List<String> settingNames = CampaignPatch.settingNames();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("requestId")) {
                requestId = text(name, value, violations);
            } else if (name.equals("passcode")) {
                passcodeSent = true;
                passcode = text(name, value, violations);
                if (passcode != null && (passcode.isEmpty() || passcode.length() > 64)) {
                    violations.add(new Violation(name, "must be 1 to 64 characters"));
                }
            } else if (name.equals("numbers") && creating) {
                numbers = readNumbers(value, violations);
            } else if (READ_ONLY.contains(name)) {
                violations.add(new Violation(name, "is read-only"));
            } else if (!settingNames.contains(name)) {
                violations.add(new Violation(name, "is not a known field"));
            } else if (!creating && value.isObject() && isObjectSetting(name)) {
                merge(name, value, violations).ifPresent(merge -> settings.put(name, merge));
            } else {
                convert(name, value, violations).ifPresent(v -> settings.put(name, v.orElse(null)));
            }
        }
        normalizePhones(settings, violations);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new CampaignRequest(settings, passcodeSent, passcode, numbers, requestId);
    }

    /** The typed value, empty inside when JSON null was sent; empty outside when it could not be read. */
    private Optional<Optional<Object>> convert(String name, JsonNode value, List<Violation> violations) {
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        JavaType type = json.getTypeFactory().constructType(CampaignPatch.settingType(name));
        try {
            return Optional.of(Optional.ofNullable(json.readerFor(type).readValue(value)));
        } catch (JsonMappingException e) {
            violations.add(JsonErrors.violation(
                    name + (e.getPath().isEmpty() || e.getPath().get(0).getIndex() >= 0 ? "" : "."), e));
            return Optional.empty();
        } catch (IOException e) {
            violations.add(new Violation(name, "has an invalid value"));
            return Optional.empty();
        }
    }

    /** A setting that is a JSON object (retryConfig), not a list, text, number, flag or time. */
    private boolean isObjectSetting(String name) {
        JavaType type = json.getTypeFactory().constructType(CampaignPatch.settingType(name));
        return type.getRawClass().isRecord();
    }

    /**
     * An update of an object setting merges into its value (RFC 7396) rather than replacing it; its wrong types are
     * found here, by merging it into nothing, and named like the other fields.
     */
    private Optional<MergePatchOfSetting> merge(String name, JsonNode value, List<Violation> violations) {
        JavaType type = json.getTypeFactory().constructType(CampaignPatch.settingType(name));
        MergePatchOfSetting merge = new MergePatchOfSetting(value, type, json);
        try {
            merge.mergeIntoNothing();
            return Optional.of(merge);
        } catch (JsonMappingException e) {
            violations.add(JsonErrors.violation(name + ".", e));
        } catch (IOException e) {
            violations.add(new Violation(name, "has an invalid value"));
        }
        return Optional.empty();
    }

    private List<ContactNumber> readNumbers(JsonNode value, List<Violation> violations) {
        try {
            List<NumberRequest> requested =
                    json.readerFor(new TypeReference<List<NumberRequest>>() {}).readValue(value);
            return contactNumbers.normalize(requested, "numbers");
        } catch (JsonMappingException e) {
            violations.add(JsonErrors.violation("numbers", e));
        } catch (RequestValidationException e) {
            violations.addAll(e.violations());
        } catch (IOException e) {
            violations.add(new Violation("numbers", "has an invalid value"));
        }
        return List.of();
    }

    /** Caller id and transfer numbers arrive in any accepted spelling and are kept in E.164. */
    private static void normalizePhones(Map<String, Object> settings, List<Violation> violations) {
        if (settings.get("fromNumber") instanceof String from) {
            Optional<String> callerId = PhoneNumbers.toCallerId(from);
            if (callerId.isPresent()) {
                settings.put("fromNumber", callerId.get());
            } else {
                violations.add(
                        new Violation("fromNumber", "must be a North-American phone number or a 5-6 digit short code"));
            }
        }
        if (settings.get("transferNumbers") instanceof List<?> transfers) {
            List<TransferNumber> normalized = new ArrayList<>();
            for (int i = 0; i < transfers.size(); i++) {
                TransferNumber t = (TransferNumber) transfers.get(i);
                Optional<String> number = PhoneNumbers.toE164(t.number());
                if (number.isEmpty()) {
                    violations.add(new Violation(
                            "transferNumbers[" + i + "].number",
                            t.number() == null ? "is required" : "is not a valid phone number"));
                } else {
                    normalized.add(new TransferNumber(t.name(), number.get(), t.allowAssistedTransfer()));
                }
            }
            settings.put("transferNumbers", normalized);
        }
    }

    private static String text(String name, JsonNode value, List<Violation> violations) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(name, "must be a string"));
            return null;
        }
        return value.textValue();
    }
}
