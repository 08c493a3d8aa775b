package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * sendAgentCallBack (and sendAgentCallBackWithMusicSetting): opens a session, rings {@code phoneNumber}
 * (E.164) and recites the agent id. {@code musicOnHold} is optional.
 */
public record SendAgentCallbackCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId,
        long campaignId,
        String accountId,
        String userId,
        String phoneNumber,
        String musicOnHold) {}
