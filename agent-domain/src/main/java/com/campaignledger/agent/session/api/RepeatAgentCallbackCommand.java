package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A callback for a user whose session is still open: rings again and recites the same agent id. */
public record RepeatAgentCallbackCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId, String userId, String phoneNumber, String musicOnHold) {}
