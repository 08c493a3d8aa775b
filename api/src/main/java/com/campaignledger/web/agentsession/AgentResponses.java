package com.campaignledger.web.agentsession;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.campaign.api.DispositionList;
import com.campaignledger.campaign.api.Question;
import com.campaignledger.campaign.api.TransferNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the agent endpoints answer. */
final class AgentResponses {

    private AgentResponses() {}

    /** The agent id (recited on the callback) and the session's state after the request. */
    record Session(long agentId, AgentState state) {}

    /** A call the external dialer connected: the agent, its state (ON_CALL), the call's id and number. */
    record Connected(long agentId, AgentState state, String callId, String number) {}

    /** getConnectionForAgent's CallType: everything the agent's screen needs for the connected call. */
    record Connection(
            long agentId,
            long campaignId,
            String callId,
            String number,
            Map<String, String> extraData,
            Instant connectedAt,
            String script,
            List<Question> questions,
            List<DispositionList> dispositionLists,
            List<TransferNumber> transferNumbers) {}
}
