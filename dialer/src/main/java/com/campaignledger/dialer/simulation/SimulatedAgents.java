package com.campaignledger.dialer.simulation;

import com.campaignledger.agent.session.api.AgentSessionId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The agent sessions the simulated dialer answers for: it stores their responses after the wrap-up time. */
@Component
public class SimulatedAgents {

    private final Set<AgentSessionId> sessions = ConcurrentHashMap.newKeySet();

    public void add(AgentSessionId session) {
        sessions.add(session);
    }

    public boolean isSimulated(AgentSessionId session) {
        return sessions.contains(session);
    }
}
