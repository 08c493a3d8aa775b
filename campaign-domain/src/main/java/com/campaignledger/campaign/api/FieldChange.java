package com.campaignledger.campaign.api;

/**
 * One changed setting of an update, so an auditor reads "what changed" from the event itself.
 * Values are the plain JSON-shaped values (strings, numbers, booleans, lists, maps).
 */
public record FieldChange(String field, Object oldValue, Object newValue) {}
