package com.campaignledger.agent;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.campaign.api.DispositionList;
import com.campaignledger.campaign.api.Question;
import com.campaignledger.campaign.api.TransferNumber;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the agent endpoints answer. */
final class AgentResponses {

    private AgentResponses() {
    }

    /** The agent id (recited on the callback) and the session's state after the request. */
    record Session(long agentId, AgentState state) {
    }

    /** getConnectionForAgent's CallType: everything the agent's screen needs for the connected call. */
    record Connection(long agentId, long campaignId, String callId, String number, Map<String, String> extraData,
                      Instant connectedAt, String script, List<Question> questions,
                      List<DispositionList> dispositionLists, List<TransferNumber> transferNumbers) {
    }
}
