package com.campaignledger.demo;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.LoginAgentCommand;
import com.campaignledger.agent.session.api.SendAgentCallbackCommand;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.CreateCampaignCommand;
import com.campaignledger.campaign.api.DispositionList;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.simulation.SimulatedAgents;
import com.campaignledger.kernel.MetadataKeys;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.CampaignViewRepository;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.campaign.CampaignIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo ({@code ledger.demo.enabled}): creates a campaign with a few hundred numbers and a handful of
 * simulated agents, starts it, and prints its progress every second until the simulated dialer has taken
 * it to FINISHED. Everything goes through the same commands as the REST API.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger("demo");
    private static final int[] AREA_CODES = {212, 213, 312, 415, 617, 305, 206, 702, 404, 303};

    private final CommandGateway commands;
    private final CampaignIds campaignIds;
    private final AgentSessionDirectory directory;
    private final SimulatedAgents simulatedAgents;
    private final CampaignViewRepository campaigns;
    private final CallListRepository callList;
    private final CallFlowClock clock;
    private final int numbers;
    private final int agents;

    DemoRunner(
            CommandGateway commands,
            CampaignIds campaignIds,
            AgentSessionDirectory directory,
            SimulatedAgents simulatedAgents,
            CampaignViewRepository campaigns,
            CallListRepository callList,
            CallFlowClock clock,
            @Value("${ledger.demo.numbers:300}") int numbers,
            @Value("${ledger.demo.agents:5}") int agents) {
        this.commands = commands;
        this.campaignIds = campaignIds;
        this.directory = directory;
        this.simulatedAgents = simulatedAgents;
        this.campaigns = campaigns;
        this.callList = callList;
        this.clock = clock;
        this.numbers = numbers;
        this.agents = agents;
    }

    @Override
    public void run(ApplicationArguments args) {
        CampaignId id = campaignIds.next();
        CampaignSettings settings = CampaignSettings.named("Demo campaign")
                .with(CampaignPatch.of(Map.of(
                        "fromNumber",
                        "+12135550100",
                        "script",
                        "Hello {name}, this is the Campaign Ledger demo.",
                        "retryConfig",
                        new RetryConfig(2, 1, List.of(CallResult.BUSY, CallResult.NO_ANS), null),
                        "dispositionLists",
                        List.of(new DispositionList("outcome", List.of("sale", "no sale", "call back"))))));
        List<ContactNumber> list = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            list.add(new ContactNumber(
                    String.format("+1%d555%04d", AREA_CODES[i % AREA_CODES.length], 1000 + i),
                    Map.of("name", "Contact " + (i + 1))));
        }
        send(new CreateCampaignCommand(id, MetadataKeys.DEFAULT_ACCOUNT, settings, list));
        // Two lines per ready agent (PredictiveService's updateRatio), as a predictive dialer would.
        send(new UpdateDialRatioCommand(id, 2.0, null));
        send(new StartCampaignCommand(id, null));
        for (int i = 1; i <= agents; i++) {
            AgentSessionId agent = directory.nextId();
            send(new SendAgentCallbackCommand(
                    agent,
                    id.value(),
                    MetadataKeys.DEFAULT_ACCOUNT,
                    "demo-agent-" + i + "@example.com",
                    String.format("+1646555%04d", 2000 + i),
                    null));
            send(new LoginAgentCommand(agent, id.value(), "demo-agent-" + i + "@example.com", clock.instant()));
            simulatedAgents.add(agent);
        }
        log.info(
                "Demo: campaign {} with {} numbers and {} simulated agents started; GET /api/campaigns/{}",
                id.value(),
                numbers,
                agents,
                id.value());
        Thread progress = new Thread(() -> report(id.value()), "demo-progress");
        progress.setDaemon(true);
        progress.start();
    }

    private void report(long campaignId) {
        Instant started = Instant.now();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000); // a progress line a second is the point of this loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Optional<CampaignView> view = campaigns.find(campaignId);
            long open = callList.openNumbers(campaignId);
            long seconds = Duration.between(started, Instant.now()).toSeconds();
            log.info(
                    "Demo: {}s, campaign {} {}, {} of {} numbers done, {} agents ready",
                    seconds,
                    campaignId,
                    view.map(CampaignView::status).orElse(null),
                    numbers - open,
                    numbers,
                    callList.readyAgents(campaignId).size());
            if (view.map(v -> v.status() == CampaignStatus.FINISHED).orElse(false)) {
                log.info(
                        "Demo: campaign {} FINISHED after {}s; see GET /api/campaigns/{} and /api/campaigns/{}/agents",
                        campaignId,
                        seconds,
                        campaignId,
                        campaignId);
                return;
            }
        }
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(new RequestContext(MetadataKeys.DEFAULT_ACCOUNT, "demo", "demo", "demo").metaData()));
    }
}
