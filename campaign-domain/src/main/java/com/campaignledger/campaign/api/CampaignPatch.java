package com.campaignledger.campaign.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partial update of a campaign's settings: only the fields it names change (UpdateCccCampaign without
 * CallFire's dummy-name quirk). A field named with a {@code null} value is cleared to its default.
 */
public final class CampaignPatch {

    private static final RecordComponent[] COMPONENTS = CampaignSettings.class.getRecordComponents();
    private static final Map<String, RecordComponent> BY_NAME = new LinkedHashMap<>();
    private static final Constructor<CampaignSettings> CONSTRUCTOR;

    static {
        for (RecordComponent c : COMPONENTS) {
            BY_NAME.put(c.getName(), c);
        }
        try {
            CONSTRUCTOR = CampaignSettings.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, Object> values;

    private CampaignPatch(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A patch from setting names to their new values.
     *
     * @throws IllegalArgumentException for a name that is no setting, or a value of the wrong type
     */
    public static CampaignPatch of(Map<String, ?> values) {
        values.forEach((name, value) -> {
            RecordComponent c = BY_NAME.get(name);
            if (c == null) {
                throw new IllegalArgumentException("no campaign setting named " + name);
            }
            if (value != null
                    && !(value instanceof SettingMerge)
                    && !box(c.getType()).isInstance(value)) {
                throw new IllegalArgumentException(
                        name + " must be a " + c.getType().getSimpleName());
            }
        });
        return new CampaignPatch(new LinkedHashMap<>(values));
    }

    /** The names of every setting a patch may carry, in declaration order. */
    public static List<String> settingNames() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The Java type of a setting, with its generic parameters, for whoever parses patches. */
    public static java.lang.reflect.Type settingType(String name) {
        RecordComponent c = BY_NAME.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no campaign setting named " + name);
        }
        return c.getGenericType();
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    CampaignSettings applyTo(CampaignSettings current) {
        Object[] args = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            Object value = values.containsKey(name) ? values.get(name) : read(COMPONENTS[i], current);
            if (value instanceof SettingMerge merge) {
                value = merge.mergeInto(read(COMPONENTS[i], current));
                if (value != null && !box(COMPONENTS[i].getType()).isInstance(value)) {
                    throw new IllegalArgumentException(
                            name + " must be a " + COMPONENTS[i].getType().getSimpleName());
                }
            }
            args[i] = value;
        }
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build campaign settings", e);
        }
    }

    /** The settings that differ between two configurations, with their old and new values. */
    public static List<FieldChange> changes(CampaignSettings before, CampaignSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent c : COMPONENTS) {
            Object old = read(c, before);
            Object now = read(c, after);
            if (!Objects.equals(old, now)) {
                if (c.getName().equals("passcodeHash")) {
                    // Only that it changed: even a hash of a short passcode is not for an audit screen.
                    changes.add(
                            new FieldChange("passcode", old == null ? null : "******", now == null ? null : "******"));
                } else {
                    changes.add(new FieldChange(c.getName(), JsonShape.of(old), JsonShape.of(now)));
                }
            }
        }
        return changes;
    }

    static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive()
                ? (type == boolean.class ? Boolean.class : type == long.class ? Long.class : Integer.class)
                : type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignPatch p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "CampaignPatch" + values.keySet();
    }
}
