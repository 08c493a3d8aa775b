package com.campaignledger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stored events as an auditor reads them: readable type, actor, request ids, changed fields, payload. */
@Component
public class HistoryEntries {

    private static final String SYSTEM_ACTOR = "system";

    /** Stored events are read as stored, with a plain mapper: no rule for requests applies to what was written. */
    private final ObjectMapper json = new ObjectMapper();

    /** The entry of one stored event; no actor is the ledger's own doing ({@code system}). */
    public HistoryEntry of(HistoryRecord r) {
        JsonNode payload = parse(r.payloadJson());
        JsonNode meta = parse(r.metaDataJson());
        return new HistoryEntry(
                r.position(),
                r.timestamp(),
                r.type(),
                r.aggregate(),
                r.sequenceNumber(),
                r.actor() == null ? SYSTEM_ACTOR : r.actor(),
                text(meta, "requestId"),
                text(meta, "correlationId"),
                changes(payload),
                payload);
    }

    /**
     * Updates name their changes: a {@code changes} list of {field, oldValue, newValue} (campaign settings), or an
     * {@code oldX}/{@code newX} pair (the dial ratio).
     */
    private static List<HistoryEntry.FieldChange> changes(JsonNode payload) {
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        JsonNode listed = payload.path("changes");
        if (listed.isArray()) {
            for (JsonNode c : listed) {
                changes.add(new HistoryEntry.FieldChange(
                        c.path("field").asText(), value(c, "oldValue"), value(c, "newValue")));
            }
            return changes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (name.startsWith("old") && name.length() > 3 && payload.has("new" + name.substring(3))) {
                String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                changes.add(
                        new HistoryEntry.FieldChange(field, payload.get(name), payload.get("new" + name.substring(3))));
            }
        }
        return changes;
    }

    private static JsonNode value(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? NullNode.getInstance() : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // Every payload is written as JSON; should one not be, the auditor still sees it as text.
            return json.getNodeFactory().textNode(text);
        }
    }
}
