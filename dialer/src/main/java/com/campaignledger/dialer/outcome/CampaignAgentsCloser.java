package com.campaignledger.dialer.outcome;

import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.EndAgentSessionCommand;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.LoadCampaignCommand;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * When a campaign finishes (or is archived or deleted) its agents go home: those waiting are logged out,
 * those on a call are logged out once they store that call's response. A STOP keeps them logged in,
 * waiting for the campaign to start again. A callback that slipped in after the campaign closed is ended too.
 */
@Component
// It ends the sessions of closed campaigns (commands): a replay would act on past campaigns again.
@DisallowReplay
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

    /**
     * The callback endpoint checks the campaign's status on the campaign view, a moment behind the campaign, so a
     * callback can open a session just after the campaign closed, one that no login could use. Either the session
     * was stored before this processor handled the closing event, and the close found it, or after: then the
     * closing event was stored already, and the campaign itself, asked here, knows it is closed.
     */
    @EventHandler
    void on(AgentCallbackSentEvent event, @Timestamp Instant at) {
        closedBy(event.campaignId())
                .ifPresent(reason -> commands.sendAndWait(new EndAgentSessionCommand(event.sessionId(), reason, at)));
    }

    private Optional<LogoutReason> closedBy(long campaignId) {
        CampaignStatus status;
        try {
            status = commands.sendAndWait(new LoadCampaignCommand(CampaignId.of(campaignId)));
        } catch (AggregateNotFoundException deleted) {
            return Optional.of(LogoutReason.CAMPAIGN_CLOSED);
        }
        return switch (status) {
            case FINISHED -> Optional.of(LogoutReason.CAMPAIGN_FINISHED);
            case ARCHIVED -> Optional.of(LogoutReason.CAMPAIGN_CLOSED);
            default -> Optional.empty();
        };
    }

    private void close(long campaignId, LogoutReason reason, Instant at) {
        for (AgentSessionId session : directory.openSessions(campaignId)) {
            commands.sendAndWait(new EndAgentSessionCommand(session, reason, at));
        }
    }
}
