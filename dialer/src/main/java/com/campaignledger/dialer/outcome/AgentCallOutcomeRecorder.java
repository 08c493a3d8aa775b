package com.campaignledger.dialer.outcome;

import com.campaignledger.agent.session.api.AgentCallUnansweredEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.IllegalCampaignTransitionException;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.window.CallingWindow;
import com.campaignledger.dnc.directory.DncQueries;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A connected call's result is known when its agent stores the response: LA, or AM when the agent left
 * the answering-machine message instead (answeringMachineTransferStoreAgentResponse). This records it on
 * the campaign (LA too when the agent left before answering), in the processor's transaction; the campaign ignores a
 * call it has already recorded, so a redelivered event records nothing twice. Like a reported attempt, a call
 * connected to a number that was on one of the account's DNC lists, or outside its calling window in its own time
 * zone, is recorded with its violation.
 */
@Component
// It records agents' call results on their campaigns (commands): a replay would act on past calls again.
@DisallowReplay
@ProcessingGroup(AgentCallOutcomeRecorder.PROCESSING_GROUP)
public class AgentCallOutcomeRecorder {

    public static final String PROCESSING_GROUP = "agent-call-outcomes";

    private static final Logger log = LoggerFactory.getLogger(AgentCallOutcomeRecorder.class);

    private final CommandGateway commands;
    private final CallListRepository callList;
    private final DncQueries dnc;
    private final CallingWindow window;

    public AgentCallOutcomeRecorder(
            CommandGateway commands, CallListRepository callList, DncQueries dnc, CallingWindow window) {
        this.commands = commands;
        this.callList = callList;
        this.dnc = dnc;
        this.window = window;
    }

    @EventHandler
    void on(AgentResponseStoredEvent event) {
        record(
                event.campaignId(),
                event.callId(),
                event.number(),
                event.answeringMachine() ? CallResult.AM : CallResult.LA,
                event.connectedAt(),
                event.callEndedAt(),
                event.sessionId().value());
    }

    /** The agent left before answering: the call was still a live answer. */
    @EventHandler
    void on(AgentCallUnansweredEvent event) {
        record(
                event.campaignId(),
                event.callId(),
                event.number(),
                CallResult.LA,
                event.connectedAt(),
                event.callEndedAt(),
                event.sessionId().value());
    }

    private void record(
            long campaignId,
            String callId,
            String number,
            CallResult result,
            Instant connectedAt,
            Instant endedAt,
            long agentSessionId) {
        // The campaign itself decides whether it still takes the result, not the call list: that is another
        // processor's read model and may not have seen the campaign's START yet when an agent answers its first call.
        long seconds = Math.max(0, Duration.between(connectedAt, endedAt).toSeconds());
        boolean onDnc = callList.accountOf(campaignId)
                .map(account -> dnc.onDncAt(account, number, connectedAt))
                .orElse(false);
        try {
            commands.sendAndWait(new RecordCallResultCommand(
                    CampaignId.of(campaignId),
                    callId,
                    number,
                    result,
                    null,
                    connectedAt,
                    (int) seconds,
                    agentSessionId,
                    false,
                    onDnc,
                    window.zoneOf(number)));
        } catch (IllegalCampaignTransitionException | InvalidCampaignException | AggregateNotFoundException refused) {
            // The campaign's own rules refuse it (the number got its final result from another call meanwhile, the
            // campaign was archived or deleted while the agent was on the call): retrying would refuse it again and
            // hold this processor up for ever. The agent's response itself is stored on the session.
            log.warn("Result of call {} on campaign {} not recorded: {}", callId, campaignId, refused.getMessage());
        }
    }
}
