package com.campaignledger.campaign.api;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns setting values into plain JSON-shaped values (maps, lists, strings, numbers, booleans), so a
 * {@link FieldChange} reads the same in memory and in the stored event.
 */
final class JsonShape {

    private JsonShape() {}

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonShape::of).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            map.forEach((k, v) -> shaped.put(String.valueOf(k), of(v)));
            return shaped;
        }
        if (value instanceof Record r) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                shaped.put(c.getName(), of(CampaignPatch.read(c, r)));
            }
            return shaped;
        }
        return value.toString();
    }
}
