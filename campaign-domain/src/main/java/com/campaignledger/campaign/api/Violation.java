package com.campaignledger.campaign.api;

/** One broken rule of a request: the field (a JSON path such as {@code questions[1].choices}) and why. */
public record Violation(String field, String message) {}
