package com.campaignledger.agent.session.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A live call was connected to this READY agent (what getConnectionForAgent returns). */
public record ConnectCallCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId,
        String callId,
        String number,
        Map<String, String> extraData,
        Instant at) {

    public ConnectCallCommand {
        extraData = extraData == null ? Map.of() : Map.copyOf(extraData);
    }
}
