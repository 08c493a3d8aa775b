package com.campaignledger.projections.dashboard;

import com.campaignledger.agent.session.api.AgentState;
import java.time.Instant;

/** An agent session of a campaign, the state it is in and since when (the session's last event). */
public record AgentInState(long sessionId, String userId, String phoneNumber, AgentState state, Instant since) {}
