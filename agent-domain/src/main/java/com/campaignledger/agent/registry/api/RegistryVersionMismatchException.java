package com.campaignledger.agent.registry.api;

/** If-Match named a version the agent or group has moved past (a 412). */
public final class RegistryVersionMismatchException extends RegistryRuleException {

    private final long expected;
    private final long actual;

    public RegistryVersionMismatchException(String what, long expected, long actual) {
        super(what + " is at version " + actual + ", not " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
