package com.campaignledger.agent.registry.api;

/** One changed field of an update, with old and new value, so the audit trail reads it from the event. */
public record RegistryFieldChange(String field, Object oldValue, Object newValue) {}
