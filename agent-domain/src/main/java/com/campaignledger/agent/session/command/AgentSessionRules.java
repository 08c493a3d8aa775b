package com.campaignledger.agent.session.command;

import com.campaignledger.agent.session.api.InvalidAgentSessionException;
import com.campaignledger.kernel.PhoneNumbers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value rules of an agent session's commands: what a request must say on its own, whatever the session is
 * doing. Checks against the session's state stay in its command handlers.
 */
final class AgentSessionRules {

    static final int MAX_USER_ID = 200;
    static final int MAX_MUSIC_ON_HOLD = 200;
    static final int MAX_AGENT_RESPONSE = 1000;
    static final int MAX_AGENT_NOTES = 4000;
    static final int MAX_STORED_DATA_ENTRIES = 50;
    static final int MAX_STORED_DATA_NAME = 100;
    static final int MAX_STORED_DATA_VALUE = 1000;

    private AgentSessionRules() {}

    static void requireUserId(String userId) {
        requireText("userId", userId);
        requireMaxLength("userId", userId, MAX_USER_ID);
    }

    static void requireCallback(String phoneNumber, String musicOnHold) {
        requirePhone("phoneNumber", phoneNumber);
        requireMaxLength("musicOnHold", musicOnHold, MAX_MUSIC_ON_HOLD);
    }

    static void requirePhone(String field, String number) {
        if (!PhoneNumbers.isE164(number)) {
            throw new InvalidAgentSessionException(field, "must be a phone number in E.164");
        }
    }

    static void requireResponse(String agentResponse, String agentNotes) {
        requireMaxLength("agentResponse", agentResponse, MAX_AGENT_RESPONSE);
        requireMaxLength("agentNotes", agentNotes, MAX_AGENT_NOTES);
    }

    /**
     * The stored data as it is recorded: null when there is none (so a retry without it matches), otherwise its
     * entries in the agent's order, each a named answer within the limits.
     */
    static Map<String, String> storedData(Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        if (data.size() > MAX_STORED_DATA_ENTRIES) {
            throw new InvalidAgentSessionException(
                    "storedData", "must have at most " + MAX_STORED_DATA_ENTRIES + " entries, not " + data.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new InvalidAgentSessionException("storedData", "names must not be blank");
            }
            if (name.length() > MAX_STORED_DATA_NAME) {
                throw new InvalidAgentSessionException(
                        "storedData", "names must be at most " + MAX_STORED_DATA_NAME + " characters");
            }
            if (value == null) {
                throw new InvalidAgentSessionException("storedData", "must have a value for " + name);
            }
            if (value.length() > MAX_STORED_DATA_VALUE) {
                throw new InvalidAgentSessionException(
                        "storedData", "values must be at most " + MAX_STORED_DATA_VALUE + " characters (" + name + ")");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAgentSessionException(field, "is required");
        }
    }

    private static void requireMaxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidAgentSessionException(field, "must be at most " + max + " characters");
        }
    }
}
