package com.campaignledger.dialer.outcome;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.EndAgentSessionCommand;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * When a campaign finishes (or is archived or deleted) its agents go home: those waiting are logged out,
 * those on a call are logged out once they store that call's response. A STOP keeps them logged in,
 * waiting for the campaign to start again.
 */
@Component
@ProcessingGroup(AgentCallOutcomeRecorder.PROCESSING_GROUP)
public class CampaignAgentsCloser {

    private final CommandGateway commands;
    private final AgentSessionDirectory directory;

    public CampaignAgentsCloser(CommandGateway commands, AgentSessionDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @EventHandler
    void on(CampaignFinishedEvent event, @Timestamp Instant at) {
        close(event.campaignId().value(), LogoutReason.CAMPAIGN_FINISHED, at);
    }

    @EventHandler
    void on(CampaignArchivedEvent event, @Timestamp Instant at) {
        close(event.campaignId().value(), LogoutReason.CAMPAIGN_CLOSED, at);
    }

    @EventHandler
    void on(CampaignDeletedEvent event, @Timestamp Instant at) {
        close(event.campaignId().value(), LogoutReason.CAMPAIGN_CLOSED, at);
    }

    private void close(long campaignId, LogoutReason reason, Instant at) {
        for (AgentSessionId session : directory.openSessions(campaignId)) {
            commands.sendAndWait(new EndAgentSessionCommand(session, reason, at));
        }
    }
}
