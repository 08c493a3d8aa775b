package com.campaignledger.dialer.simulation;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.agent.session.api.EndCallCommand;
import com.campaignledger.agent.session.api.StoreAgentResponseCommand;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.Pacing;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.CallIds;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.calllist.DialerCampaign;
import com.campaignledger.dialer.leads.LeadClaims;
import com.campaignledger.dialer.leads.LeadClaims.Lead;
import com.campaignledger.dialer.pacing.CampaignPacer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A predictive dialer without telephony: while a campaign is RUNNING it keeps {@code ready agents × dial
 * ratio} lines ringing, inside each number's local calling window, honouring retry times, and draws each
 * outcome from the configured distribution. A live answer is connected to a READY agent (ABANDONED when
 * none is free), hangs up after the talk time, and its result is recorded when the agent stores the
 * response; simulated agents store theirs after the wrap-up time. Everything it does goes through the
 * same commands as a real dialer and real agents, and it takes its numbers as an external dialer does: leased from the
 * dialable list (LeadClaims), so one set of rules (due, not scrubbed, not leased, inside the calling window) decides.
 * <p>
 * One thread does all the work, so the state below needs no locks.
 */
public class SimulatedDialer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDialer.class);
    /** The longest, in real time, an agent stays reserved if the call list never shows its connection. */
    private static final long RESERVATION_MILLIS = 30_000;
    /** Whose leases the simulated dialer's are (one instance dials). */
    static final String LEASE_OWNER = "simulated-dialer";
    /**
     * How long a dialled number stays leased, in call-flow time: its result ends the lease, and a person answering may
     * take long to store the response; a call whose result never comes is given up after a day.
     */
    private static final Duration LEASE = Duration.ofDays(1);

    private final DialerProperties properties;
    private final CommandGateway commands;
    private final CallListRepository callList;
    private final LeadClaims claims;
    private final CallIds callIds;
    private final SimulatedAgents simulatedAgents;
    private final CallFlowClock clock;
    private final PacerRecall recall;
    private final OutcomeDistribution outcomes;
    private final SplittableRandom random;

    /** Lines ringing now (dialled, not yet answered), per campaign: what the dial ratio limits. */
    private final Map<Long, Integer> ringing = new HashMap<>();
    /** Agents the dialer just connected, with the call, until the call list shows them busy with it. */
    private final Map<Long, Reservation> reserved = new HashMap<>();
    /** ADAPTIVE pacing per campaign: started from its compliance record, learning from the calls this dialer makes. */
    private final Map<Long, CampaignPacer> pacers = new HashMap<>();

    private ScheduledExecutorService executor;

    public SimulatedDialer(
            DialerProperties properties,
            CommandGateway commands,
            CallListRepository callList,
            LeadClaims claims,
            CallIds callIds,
            SimulatedAgents simulatedAgents,
            CallFlowClock clock,
            PacerRecall recall) {
        this.properties = properties;
        this.commands = commands;
        this.callList = callList;
        this.claims = claims;
        this.callIds = callIds;
        this.simulatedAgents = simulatedAgents;
        this.clock = clock;
        this.recall = recall;
        this.outcomes = new OutcomeDistribution(properties.outcomes());
        this.random = properties.seed() == 0 ? new SplittableRandom() : new SplittableRandom(properties.seed());
    }

    @Override
    public void start() {
        // The calls of a dialer that stopped are gone with it: their numbers are due again.
        int released = claims.releaseAll(LEASE_OWNER);
        if (released > 0) {
            log.info("Released {} numbers leased before the simulated dialer stopped", released);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-dialer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(
                this::safeTick, properties.tickMillis(), properties.tickMillis(), TimeUnit.MILLISECONDS);
        log.info("Simulated dialer started ({}x real time)", properties.timeScale());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Dialer tick failed, trying again at the next one", e);
        }
    }

    void tick() {
        Instant now = clock.instant();
        long realNow = System.currentTimeMillis();
        reserved.values().removeIf(r -> r.until() < realNow);
        for (DialerCampaign campaign : callList.runningCampaigns()) {
            List<Long> ready = readyAgents(campaign.campaignId());
            int lines = lines(campaign, ready.size(), now) - ringing.getOrDefault(campaign.campaignId(), 0);
            if (lines > 0) {
                claims.claim(campaign, lines, LEASE, LEASE_OWNER, now).forEach(lead -> dial(campaign, lead, now));
            }
        }
    }

    /**
     * The lines to have ringing: FIXED, the dial ratio per ready agent; ADAPTIVE, its pacer's (each change worth it
     * recorded on the campaign with its figures).
     */
    private int lines(DialerCampaign campaign, int ready, Instant now) {
        if (campaign.pacing() != Pacing.ADAPTIVE) {
            pacers.remove(campaign.campaignId());
            return (int) Math.floor(ready * campaign.dialRatio());
        }
        CampaignPacer pacer = pacers.computeIfAbsent(campaign.campaignId(), id -> recall.pacer(campaign, now));
        int busy = (int) callList.agents(campaign.campaignId()).stream()
                .filter(a -> a.state() == AgentState.ON_CALL || a.state() == AgentState.WRAP_UP)
                .count();
        int lines = pacer.lines(ready, busy, now);
        pacer.adjustment(campaign.campaignId(), ready, busy, lines, now).ifPresent(adjust -> {
            try {
                commands.sendAndWait(adjust);
            } catch (RuntimeException e) {
                log.debug("Pacing of campaign {} not recorded: {}", campaign.campaignId(), e.getMessage());
            }
        });
        return lines;
    }

    /**
     * The campaign's READY agents, less those just connected whose connection the call list does not show
     * yet; a reservation ends as soon as it does (the agent is then busy, and READY again only after the call).
     */
    private List<Long> readyAgents(long campaignId) {
        List<CallListRepository.DialerAgent> agents = callList.agents(campaignId);
        for (CallListRepository.DialerAgent agent : agents) {
            Reservation r = reserved.get(agent.sessionId());
            if (r != null && (agent.state() != AgentState.READY || r.callId().equals(agent.callId()))) {
                reserved.remove(agent.sessionId());
            }
        }
        return agents.stream()
                .filter(a -> a.state() == AgentState.READY && !reserved.containsKey(a.sessionId()))
                .map(CallListRepository.DialerAgent::sessionId)
                .toList();
    }

    private record Reservation(String callId, long until) {}

    private void dial(DialerCampaign campaign, Lead number, Instant startedAt) {
        String callId = callIds.next();
        CallResult outcome = outcomes.draw(random);
        ringing.merge(campaign.campaignId(), 1, Integer::sum);
        executor.schedule(
                () -> answered(campaign, number, callId, outcome, startedAt),
                clock.realMillis(properties.ringSeconds()),
                TimeUnit.MILLISECONDS);
    }

    private void answered(DialerCampaign campaign, Lead number, String callId, CallResult outcome, Instant startedAt) {
        ringing.merge(campaign.campaignId(), -1, Integer::sum);
        Instant now = clock.instant();
        CampaignPacer pacer = pacers.get(campaign.campaignId());
        if (pacer != null) {
            pacer.dialEnded(outcome == CallResult.LA, properties.ringSeconds());
        }
        if (outcome != CallResult.LA) {
            record(campaign, number, callId, outcome, startedAt, properties.ringSeconds());
            return;
        }
        for (Long agent : readyAgents(campaign.campaignId())) {
            reserved.put(agent, new Reservation(callId, System.currentTimeMillis() + RESERVATION_MILLIS));
            AgentSessionId session = AgentSessionId.of(agent);
            try {
                commands.sendAndWait(new ConnectCallCommand(session, callId, number.number(), number.extraData(), now));
            } catch (RuntimeException e) {
                log.debug("Agent {} could not take call {}: {}", agent, callId, e.getMessage());
                reserved.remove(agent);
                continue;
            }
            executor.schedule(
                    () -> hangUp(session, callId, campaign),
                    clock.realMillis(properties.talkSeconds()),
                    TimeUnit.MILLISECONDS);
            if (pacer != null) {
                pacer.connected(now, properties.talkSeconds() + properties.wrapUpSeconds());
            }
            return;
        }
        // A live answer with nobody to take it.
        if (pacer != null) {
            pacer.dropped(now);
        }
        record(campaign, number, callId, CallResult.ABANDONED, startedAt, 0);
    }

    private void hangUp(AgentSessionId session, String callId, DialerCampaign campaign) {
        try {
            commands.sendAndWait(new EndCallCommand(session, callId, clock.instant()));
        } catch (RuntimeException e) {
            log.debug("Call {} had already ended for agent {}: {}", callId, session, e.getMessage());
        }
        if (simulatedAgents.isSimulated(session)) {
            executor.schedule(
                    () -> respond(session, callId, campaign),
                    clock.realMillis(properties.wrapUpSeconds()),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void respond(AgentSessionId session, String callId, DialerCampaign campaign) {
        List<String> dispositions = campaign.dispositions().isEmpty()
                ? List.of("interested", "not interested", "call back later")
                : campaign.dispositions();
        String response = dispositions.get(random.nextInt(dispositions.size()));
        try {
            commands.sendAndWait(
                    new StoreAgentResponseCommand(session, callId, response, null, false, false, clock.instant()));
        } catch (RuntimeException e) {
            log.debug("Simulated agent {} could not store a response for call {}: {}", session, callId, e.getMessage());
        }
    }

    private void record(
            DialerCampaign campaign, Lead number, String callId, CallResult result, Instant startedAt, int seconds) {
        try {
            commands.sendAndWait(new RecordCallResultCommand(
                    CampaignId.of(campaign.campaignId()),
                    callId,
                    number.number(),
                    result,
                    number.attempt(),
                    startedAt,
                    seconds,
                    null));
        } catch (RuntimeException e) {
            log.debug("Result of call {} not recorded: {}", callId, e.getMessage());
        }
    }
}
