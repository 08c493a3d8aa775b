package com.campaignledger.campaign.command;

import static com.campaignledger.campaign.api.CampaignStatus.ARCHIVED;
import static com.campaignledger.campaign.api.CampaignStatus.FINISHED;
import static com.campaignledger.campaign.api.CampaignStatus.RUNNING;
import static com.campaignledger.campaign.api.CampaignStatus.SETUP;
import static com.campaignledger.campaign.api.CampaignStatus.STOPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.DialRatioAdjustedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.NumberRemovedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import com.campaignledger.campaign.api.QuestionsDeletedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.RosterAgentRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentsAddedEvent;
import com.campaignledger.campaign.api.TransferNumbersDeletedEvent;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What a {@link Campaign} remembers, and how each of its events changes it. The event sourcing handlers here are
 * the only code that writes these fields; the campaign's command handlers read them through the accessors below
 * and change them only by applying events.
 * <p>
 * The fields are also the campaign's snapshot (JSON, field by field): a field renamed or moved would be missing
 * from the snapshots already stored, which are read with unknown properties ignored.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
abstract class CampaignState {

    @AggregateIdentifier
    private CampaignId campaignId;

    private String accountId;
    private CampaignStatus status;
    private CampaignSettings settings;
    private double dialRatio;
    private double adaptiveRatio;
    /** The call list: each number (E.164) and where it stands. */
    private Map<String, NumberProgress> numbers;
    /** How many numbers still wait for a final result; the campaign finishes when it reaches 0. */
    private int openNumbers;
    /**
     * Counts the events that change what GET shows and is the resource's ETag: unlike Axon's sequence number, it
     * does not move with every dial attempt.
     */
    private long revision;
    /**
     * The roster (seed 002's AddAgents / AddAgentGroups): registry agent and agent group ids. The campaign's
     * agentGroupId is always among the groups. Roster changes leave {@code revision} alone: GET of the
     * campaign does not show them. Snapshots taken before rosters existed have none (null).
     */
    private Set<Long> rosterAgents;

    private Set<Long> rosterGroups;

    CampaignId campaignId() {
        return campaignId;
    }

    String accountId() {
        return accountId;
    }

    CampaignStatus status() {
        return status;
    }

    CampaignSettings settings() {
        return settings;
    }

    /** ADAPTIVE pacing's last lines per ready agent (0 before its first decision). */
    double adaptiveRatio() {
        return adaptiveRatio;
    }

    double dialRatio() {
        return dialRatio;
    }

    /** The numbers of the call list. */
    Set<String> numbers() {
        return Collections.unmodifiableSet(numbers.keySet());
    }

    /** Where a number of the call list stands; null for a number that is not on it. */
    NumberProgress progress(String number) {
        return numbers.get(number);
    }

    int openNumbers() {
        return openNumbers;
    }

    long revision() {
        return revision;
    }

    Set<Long> rosterAgents() {
        return rosterAgents == null ? Set.of() : Collections.unmodifiableSet(rosterAgents);
    }

    Set<Long> rosterGroups() {
        return rosterGroups == null ? Set.of() : Collections.unmodifiableSet(rosterGroups);
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        campaignId = event.campaignId();
        accountId = event.accountId();
        settings = event.settings();
        status = SETUP;
        dialRatio = UpdateDialRatioCommand.MIN_RATIO;
        numbers = new HashMap<>();
        revision = 1;
    }

    @EventSourcingHandler
    void on(RosterAgentsAddedEvent event) {
        rosterAgents = withAdded(rosterAgents, event.agentIds());
    }

    @EventSourcingHandler
    void on(RosterAgentGroupsAddedEvent event) {
        rosterGroups = withAdded(rosterGroups, event.agentGroupIds());
    }

    @EventSourcingHandler
    void on(RosterAgentRemovedEvent event) {
        rosterAgents = withRemoved(rosterAgents, event.agentId());
    }

    @EventSourcingHandler
    void on(RosterAgentGroupRemovedEvent event) {
        rosterGroups = withRemoved(rosterGroups, event.agentGroupId());
    }

    private static Set<Long> withAdded(Set<Long> roster, List<Long> ids) {
        Set<Long> changed = roster == null ? new LinkedHashSet<>() : roster;
        changed.addAll(ids);
        return changed;
    }

    private static Set<Long> withRemoved(Set<Long> roster, long id) {
        Set<Long> changed = roster == null ? new LinkedHashSet<>() : roster;
        changed.remove(id);
        return changed;
    }

    @EventSourcingHandler
    void on(CampaignUpdatedEvent event) {
        settings = event.settings();
        revision++;
    }

    @EventSourcingHandler
    void on(CampaignStartedEvent event) {
        status = RUNNING;
        revision++;
    }

    @EventSourcingHandler
    void on(CampaignStoppedEvent event) {
        status = STOPPED;
        revision++;
    }

    @EventSourcingHandler
    void on(CampaignArchivedEvent event) {
        status = ARCHIVED;
        revision++;
    }

    @EventSourcingHandler
    void on(CampaignDeletedEvent event) {
        revision++;
        markDeleted();
    }

    @EventSourcingHandler
    void on(TransferNumbersDeletedEvent event) {
        settings = settings.with(CampaignPatch.of(Collections.singletonMap("transferNumbers", null)));
        revision++;
    }

    @EventSourcingHandler
    void on(QuestionsDeletedEvent event) {
        settings = settings.with(CampaignPatch.of(Collections.singletonMap("questions", null)));
        revision++;
    }

    @EventSourcingHandler
    void on(DialRatioUpdatedEvent event) {
        dialRatio = event.newRatio();
        revision++;
    }

    /** Pacing's own decisions: no change of the configuration, so no new revision. */
    @EventSourcingHandler
    void on(DialRatioAdjustedEvent event) {
        adaptiveRatio = event.newRatio();
    }

    @EventSourcingHandler
    void on(NumbersAddedEvent event) {
        event.added().forEach(n -> numbers.put(n.number(), NumberProgress.PENDING));
        openNumbers += event.added().size();
        revision++;
    }

    /** Scrubbed numbers are done without a result; the revision stays (GET shows no number). */
    @EventSourcingHandler
    void on(NumbersScrubbedEvent event) {
        for (String number : event.numbers()) {
            NumberProgress progress = numbers.get(number);
            if (progress != null && !progress.done()) {
                numbers.put(number, progress.scrub());
                openNumbers--;
            }
        }
    }

    @EventSourcingHandler
    void on(NumberRemovedEvent event) {
        NumberProgress progress = numbers.get(event.number());
        if (progress != null && !progress.done()) {
            numbers.put(event.number(), progress.remove());
            openNumbers--;
        }
    }

    /** A dial attempt changes the number, not what GET shows of the campaign: the revision stays. */
    @EventSourcingHandler
    void on(CallResultRecordedEvent event) {
        NumberProgress before = numbers.get(event.number());
        boolean scrubbed = before != null && before.scrubbed();
        numbers.put(
                event.number(),
                new NumberProgress(
                        event.attempt(),
                        event.result(),
                        event.retryAt(),
                        event.finalForNumber() || scrubbed,
                        event.callId(),
                        scrubbed));
        // A scrubbed number was closed when it was scrubbed.
        if (event.finalForNumber() && !scrubbed) {
            openNumbers--;
        }
    }

    @EventSourcingHandler
    void on(CampaignFinishedEvent event) {
        status = FINISHED;
        revision++;
    }
}
