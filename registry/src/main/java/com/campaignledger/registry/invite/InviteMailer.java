package com.campaignledger.registry.invite;

import com.campaignledger.agent.registry.api.AgentInvitedEvent;
import com.campaignledger.kernel.MetadataKeys;
import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.FindCampaignQuery;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentView;
import com.campaignledger.registry.directory.InviteView;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails each invite's link through the SMTP server of {@code spring.mail.*}, the one EMAIL notifications use.
 * Best effort and retried: the invite is recorded, and its link can be fetched, before and whatever the mail
 * server does; a failed send fails this tracking processor's batch, which Axon retries with a growing delay.
 * An address the mail server refuses for good (a 5xx answer to it) is logged and passed over instead, so one
 * wrong address cannot hold back every invite after it. An invite already replaced, revoked or expired when
 * its turn comes is not sent. The link is never logged.
 */
@Component
// It mails invites: a replay would mail every invite still valid again.
@DisallowReplay
@ProcessingGroup(InviteMailer.PROCESSING_GROUP)
public class InviteMailer {

    public static final String PROCESSING_GROUP = "agent-invite-mail";
    private static final Logger log = LoggerFactory.getLogger(InviteMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final AgentRegistry registry;
    private final QueryGateway queries;
    private final InviteTokens tokens;
    private final Clock clock;
    private final String from;

    InviteMailer(
            ObjectProvider<JavaMailSender> mail,
            AgentRegistry registry,
            QueryGateway queries,
            InviteTokens tokens,
            Clock clock,
            NotificationProperties properties) {
        this.mail = mail;
        this.registry = registry;
        this.queries = queries;
        this.tokens = tokens;
        this.clock = clock;
        this.from = properties.mailFrom();
    }

    @EventHandler
    void on(AgentInvitedEvent event, @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account) {
        long agentId = event.agentId().value();
        Optional<InviteView> invite = registry.invite(event.campaignId(), agentId)
                .filter(i -> i.inviteId().equals(event.inviteId())
                        && !i.revoked()
                        && i.expiresAt().isAfter(clock.instant()));
        Optional<AgentView> agent = registry.agent(account, agentId);
        if (invite.isEmpty() || agent.isEmpty()) {
            return; // replaced, revoked or expired meanwhile: its link no longer works
        }
        if (agent.get().email() == null) {
            log.info(
                    "Agent {} has no e-mail address: the invite to campaign {} is only fetched through the API",
                    agentId,
                    event.campaignId());
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn(
                    "No mail server configured (spring.mail.host): the invite of agent {} to campaign {} is not e-mailed",
                    agentId,
                    event.campaignId());
            return;
        }
        String campaign = queries.query(
                        new FindCampaignQuery(event.campaignId(), account),
                        ResponseTypes.optionalInstanceOf(CampaignView.class))
                .join()
                .map(CampaignView::settings)
                .map(s -> s.name())
                .orElse("campaign " + event.campaignId());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(agent.get().email());
        message.setSubject("Campaign Ledger: you are invited to work " + campaign);
        message.setText("Hello " + agent.get().name() + ",\n\nyou are invited to work the campaign " + campaign
                + ". Open this link to start (it works until " + invite.get().expiresAt() + "):\n\n"
                + tokens.uri(invite.get()) + "\n");
        try {
            sender.send(message);
        } catch (MailSendException e) {
            if (!refusesRecipient(e)) {
                throw e;
            }
            log.warn(
                    "The mail server refused the address of agent {}: the invite to campaign {} is not e-mailed; "
                            + "correct the address and invite again, or send the link another way",
                    agentId,
                    event.campaignId());
        }
    }

    /** Whether the server refused the recipient itself (permanent), rather than failing to take the mail now. */
    private static boolean refusesRecipient(MailSendException e) {
        return e.getFailedMessages().values().stream()
                .anyMatch(failure -> failure instanceof SendFailedException sent
                        && sent.getInvalidAddresses() != null
                        && sent.getInvalidAddresses().length > 0);
    }
}
