package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * One dial attempt's outcome, reported by the dialer. {@code attempt}, when given, must be the number's
 * next attempt (so a report sent twice is caught); {@code agentSessionId} names the agent of a live call.
 */
public record RecordCallResultCommand(@TargetAggregateIdentifier CampaignId campaignId, String callId, String number,
                                      CallResult result, Integer attempt, Instant startTime, int durationSeconds,
                                      Long agentSessionId) {
}
