package com.campaignledger.kernel;

import java.util.Map;

/** An id the ledger does not know (or that belongs to another account): a 404. */
public class ResourceNotFoundException extends RuntimeException {

    private final Map<String, Object> properties;

    public ResourceNotFoundException(String detail) {
        this(detail, Map.of());
    }

    public ResourceNotFoundException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
