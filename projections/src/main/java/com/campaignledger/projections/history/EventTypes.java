package com.campaignledger.projections.history;

/**
 * The names auditors read for event types: the event class's simple name without its "Event" suffix
 * ({@code CampaignUpdated}, {@code AgentResponseStored}), never a Java class name.
 */
public final class EventTypes {

    private EventTypes() {}

    public static String nameOf(Class<?> payloadType) {
        return nameOf(payloadType.getName());
    }

    /** The readable name of a stored {@code payload_type} (a class name). */
    public static String nameOf(String payloadType) {
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return simple.endsWith("Event") && simple.length() > "Event".length()
                ? simple.substring(0, simple.length() - "Event".length())
                : simple;
    }
}
