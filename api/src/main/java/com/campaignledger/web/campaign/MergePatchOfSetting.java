package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.SettingMerge;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A merge patch (RFC 7396, Jakarta JSON-P) of one setting that is an object, such as
 * {@code {"retryConfig": {"maxAttempts": 2}}}: the members sent change, {@code null} removes one (its default comes
 * back), the others keep the value the campaign has when the update runs.
 */
final class MergePatchOfSetting implements SettingMerge {

    private final JsonMergePatch patch;
    private final JavaType type;
    private final ObjectMapper json;

    MergePatchOfSetting(JsonNode patch, JavaType type, ObjectMapper json) {
        this.patch = Json.createMergePatch(jsonP(patch.toString()));
        this.type = type;
        this.json = json;
    }

    /** The setting as it would be if the campaign had none yet: reading it finds the patch's wrong types and values. */
    Object mergeIntoNothing() throws JsonProcessingException {
        return read(patch.apply(JsonValue.EMPTY_JSON_OBJECT));
    }

    @Override
    public Object mergeInto(Object current) {
        try {
            JsonValue base = current == null ? JsonValue.EMPTY_JSON_OBJECT : jsonP(json.writeValueAsString(current));
            return read(patch.apply(base));
        } catch (JsonProcessingException e) {
            // The patch was read into this type when the request came in; the stored value always reads back.
            throw new IllegalStateException("cannot merge into " + type, e);
        }
    }

    private Object read(JsonValue merged) throws JsonProcessingException {
        return json.readValue(merged.toString(), type);
    }

    private static JsonValue jsonP(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Override
    public String toString() {
        return "merge patch " + patch.toJsonValue();
    }
}
