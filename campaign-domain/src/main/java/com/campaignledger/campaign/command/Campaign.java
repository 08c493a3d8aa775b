package com.campaignledger.campaign.command;

import static com.campaignledger.campaign.api.CampaignStatus.FINISHED;
import static com.campaignledger.campaign.api.CampaignStatus.RUNNING;
import static com.campaignledger.campaign.api.CampaignStatus.SETUP;
import static com.campaignledger.campaign.api.CampaignStatus.STOPPED;
import static com.campaignledger.campaign.command.CampaignRules.callViolations;
import static com.campaignledger.campaign.command.CampaignRules.numberViolations;
import static com.campaignledger.campaign.command.CampaignRules.requireDialRatio;
import static com.campaignledger.campaign.command.CampaignRules.requireValid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.campaign.api.AddNumbersCommand;
import com.campaignledger.campaign.api.AddRosterAgentGroupsCommand;
import com.campaignledger.campaign.api.AddRosterAgentsCommand;
import com.campaignledger.campaign.api.AdjustDialRatioCommand;
import com.campaignledger.campaign.api.ArchiveCampaignCommand;
import com.campaignledger.campaign.api.CallRecorded;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignRevisionMismatchException;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.CreateCampaignCommand;
import com.campaignledger.campaign.api.DeleteCampaignCommand;
import com.campaignledger.campaign.api.DeleteQuestionsCommand;
import com.campaignledger.campaign.api.DeleteTransferNumbersCommand;
import com.campaignledger.campaign.api.DialRatioAdjustedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.FieldChange;
import com.campaignledger.campaign.api.IllegalCampaignTransitionException;
import com.campaignledger.campaign.api.LoadCampaignCommand;
import com.campaignledger.campaign.api.NumberRemovedEvent;
import com.campaignledger.campaign.api.NumbersAdded;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import com.campaignledger.campaign.api.Pacing;
import com.campaignledger.campaign.api.QuestionsDeletedEvent;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.campaign.api.RemoveNumberCommand;
import com.campaignledger.campaign.api.RemoveRosterAgentCommand;
import com.campaignledger.campaign.api.RemoveRosterAgentGroupCommand;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.campaign.api.RevisionedCommand;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.ScrubNumbersCommand;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.StopCampaignCommand;
import com.campaignledger.campaign.api.TransferNumbersDeletedEvent;
import com.campaignledger.campaign.api.UpdateCampaignCommand;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.MetadataKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A CCC campaign: its settings, its call list and its status machine
 * (SETUP -START-> RUNNING -STOP-> STOPPED -START-> RUNNING; SETUP|STOPPED|FINISHED -ARCHIVE-> ARCHIVED).
 * <p>
 * This class holds the command handlers: they check (a command's own values by {@link CampaignRules}), and change
 * the campaign only by applying events. What the campaign remembers and how each event changes it is
 * {@link CampaignState}. Handlers that change what GET shows answer the campaign's revision, the resource's ETag.
 */
@Aggregate(
        snapshotTriggerDefinition = "campaignSnapshotTrigger",
        cache = "campaignCache",
        lockFactory = "aggregateLockFactory")
class Campaign extends CampaignState {

    private static final Set<CampaignStatus> EDITABLE = EnumSet.of(SETUP, RUNNING, STOPPED, FINISHED);
    private static final Set<CampaignStatus> ACCEPTS_NUMBERS = EnumSet.of(SETUP, RUNNING, STOPPED);

    protected Campaign() {
        // for Axon and for snapshots
    }

    @CommandHandler
    Campaign(CreateCampaignCommand command) {
        requireValid(command.settings().violations());
        requireValid(numberViolations(command.numbers()));
        apply(new CampaignCreatedEvent(command.campaignId(), command.accountId(), command.settings()));
        if (command.settings().agentGroupId() != null) {
            apply(new RosterAgentGroupsAddedEvent(
                    command.campaignId(), List.of(command.settings().agentGroupId())));
        }
        if (!command.numbers().isEmpty()) {
            // Events applied in a constructor are handled after it returns: no state to read yet.
            CallListChanges.add(
                    command.campaignId(),
                    Set.of(),
                    command.numbers(),
                    CallListChanges.scrubbing(command.settings(), command.onDnc()));
        }
    }

    /**
     * A command acting for another account finds no campaign: the same answer as an unknown id, so one account
     * cannot probe or change another's campaigns. Commands that name no account (the dialer's own) are trusted.
     */
    @CommandHandlerInterceptor
    Object sameAccount(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object account = command.getMetaData().get(MetadataKeys.ACCOUNT_ID);
        if (account != null && !account.equals(accountId())) {
            throw new AggregateNotFoundException(
                    campaignId().toString(), "No campaign " + campaignId().value());
        }
        return chain.proceed();
    }

    @CommandHandler
    long handle(UpdateCampaignCommand command) {
        checkRevision(command);
        requireStatus(EDITABLE, "update", null);
        CampaignSettings updated = settings().with(command.patch());
        requireValid(updated.violations());
        List<FieldChange> changes = CampaignPatch.changes(settings(), updated);
        if (!changes.isEmpty()) {
            apply(new CampaignUpdatedEvent(campaignId(), updated, changes));
        }
        // Only a group named by this update: a campaign from before rosters keeps its old id off the roster.
        if (command.patch().values().containsKey("agentGroupId")
                && updated.agentGroupId() != null
                && !rosterGroups().contains(updated.agentGroupId())) {
            apply(new RosterAgentGroupsAddedEvent(campaignId(), List.of(updated.agentGroupId())));
        }
        return revision();
    }

    @CommandHandler
    void handle(AddRosterAgentsCommand command) {
        RosterChanges.addAgents(this, command);
    }

    @CommandHandler
    void handle(AddRosterAgentGroupsCommand command) {
        RosterChanges.addGroups(this, command);
    }

    @CommandHandler
    void handle(RemoveRosterAgentCommand command) {
        RosterChanges.removeAgent(this, command);
    }

    @CommandHandler
    void handle(RemoveRosterAgentGroupCommand command) {
        RosterChanges.removeGroup(this, command);
    }

    @CommandHandler
    long handle(StartCampaignCommand command) {
        checkRevision(command);
        requireStatus(EnumSet.of(SETUP, STOPPED), "START", null);
        List<String> missing = new ArrayList<>();
        if (numbers().isEmpty()) {
            missing.add("it has no numbers to call");
        }
        if (settings().fromNumber() == null) {
            missing.add("it has no fromNumber (caller id)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalCampaignTransitionException(status(), "START", String.join(" and ", missing));
        }
        apply(new CampaignStartedEvent(campaignId(), status()));
        if (openNumbers() == 0) {
            // Its last calls ended while it was stopped: nothing is left to dial.
            apply(new CampaignFinishedEvent(campaignId()));
        }
        return revision();
    }

    @CommandHandler
    long handle(StopCampaignCommand command) {
        checkRevision(command);
        requireStatus(EnumSet.of(RUNNING), "STOP", null);
        apply(new CampaignStoppedEvent(campaignId(), status()));
        return revision();
    }

    @CommandHandler
    long handle(ArchiveCampaignCommand command) {
        checkRevision(command);
        requireStatus(EnumSet.of(SETUP, STOPPED, FINISHED), "ARCHIVE", null);
        apply(new CampaignArchivedEvent(campaignId(), status()));
        return revision();
    }

    @CommandHandler
    long handle(DeleteCampaignCommand command) {
        checkRevision(command);
        if (status() == RUNNING) {
            throw new IllegalCampaignTransitionException(status(), "delete", "stop it first");
        }
        apply(new CampaignDeletedEvent(campaignId(), status()));
        return revision();
    }

    @CommandHandler
    long handle(DeleteTransferNumbersCommand command) {
        checkRevision(command);
        requireStatus(EDITABLE, "delete the transfer numbers of", null);
        if (!settings().transferNumbers().isEmpty()) {
            apply(new TransferNumbersDeletedEvent(campaignId(), settings().transferNumbers()));
        }
        return revision();
    }

    @CommandHandler
    long handle(DeleteQuestionsCommand command) {
        checkRevision(command);
        requireStatus(EDITABLE, "delete the questions of", null);
        if (!settings().questions().isEmpty()) {
            apply(new QuestionsDeletedEvent(campaignId(), settings().questions()));
        }
        return revision();
    }

    @CommandHandler
    long handle(UpdateDialRatioCommand command) {
        checkRevision(command);
        requireStatus(EDITABLE, "change the dial ratio of", null);
        double ratio = command.ratio();
        requireDialRatio(ratio);
        if (ratio != dialRatio()) {
            apply(new DialRatioUpdatedEvent(campaignId(), dialRatio(), ratio));
        }
        return revision();
    }

    @CommandHandler
    void handle(AdjustDialRatioCommand command) {
        requireStatus(EnumSet.of(RUNNING), "adjust the pacing of", null);
        if (settings().pacing() != Pacing.ADAPTIVE) {
            throw new IllegalCampaignTransitionException(status(), "adjust the pacing of", "its pacing is FIXED");
        }
        if (command.ratio() != adaptiveRatio()) {
            apply(new DialRatioAdjustedEvent(campaignId(), adaptiveRatio(), command.ratio(), command.basis()));
        }
    }

    @CommandHandler
    NumbersAdded handle(AddNumbersCommand command) {
        checkRevision(command);
        requireStatus(ACCEPTS_NUMBERS, "add numbers to", null);
        requireValid(numberViolations(command.numbers()));
        CallListChanges.Added added = CallListChanges.add(
                campaignId(), numbers(), command.numbers(), CallListChanges.scrubbing(settings(), command.onDnc()));
        return new NumbersAdded(added.added(), added.duplicatesSkipped(), added.scrubbed(), revision());
    }

    /** A number not dialled to its final result leaves the call list (it stays on record). */
    @CommandHandler
    void handle(RemoveNumberCommand command) {
        requireStatus(ACCEPTS_NUMBERS, "remove a number from", null);
        NumberProgress progress = progress(command.number());
        if (progress == null) {
            requireValid(List.of(new Violation("number", "is not a number of this campaign")));
        }
        if (progress.done()) {
            throw new IllegalCampaignTransitionException(
                    status(),
                    "remove a number from",
                    "number " + command.number() + " is done (final, scrubbed or removed)");
        }
        apply(new NumberRemovedEvent(campaignId(), command.number()));
        finishIfDone();
    }

    /** Numbers put on a DNC list after they joined: scrubbed unless dialled to a final result already. */
    @CommandHandler
    void handle(ScrubNumbersCommand command) {
        List<String> scrubbed = CallListChanges.scrubbing(settings(), Set.copyOf(command.numbers())).stream()
                .filter(n -> progress(n) != null && !progress(n).done())
                .distinct()
                .toList();
        if (scrubbed.isEmpty()) {
            return;
        }
        apply(new NumbersScrubbedEvent(campaignId(), scrubbed, command.reason()));
        finishIfDone();
    }

    /** The last open number of a RUNNING campaign closed without a call finishes it. */
    private void finishIfDone() {
        if (openNumbers() == 0 && status() == RUNNING) {
            apply(new CampaignFinishedEvent(campaignId()));
        }
    }

    @CommandHandler
    CampaignStatus handle(LoadCampaignCommand command) {
        // Nothing to check or record: being loaded (and so cached) is the point; the status is the current one.
        return status();
    }

    @CommandHandler
    CallRecorded handle(RecordCallResultCommand command) {
        // A call connected before a STOP still ends and is recorded; the dialer starts none while STOPPED.
        requireStatus(
                command.runningOnly() ? EnumSet.of(RUNNING) : EnumSet.of(RUNNING, STOPPED), "record a call for", null);
        List<Violation> violations = callViolations(command);
        NumberProgress progress = command.number() == null ? null : progress(command.number());
        if (progress == null) {
            violations.add(new Violation("number", "is not a number of this campaign"));
        }
        requireValid(violations);
        if (command.callId().equals(progress.lastCallId())) {
            // The same call reported again (a dialer's retry, a redelivered event): already recorded.
            return new CallRecorded(progress.attempts(), progress.done(), progress.retryAt(), status() == FINISHED);
        }
        // A scrubbed number is never offered, but a dialer that called it anyway reports a call that happened: it is
        // recorded (with its violation), never refused; the number stays scrubbed.
        if (progress.done() && !progress.scrubbed()) {
            throw new IllegalCampaignTransitionException(
                    status(),
                    "record a call for",
                    "number " + command.number() + " already has its final result " + progress.lastResult());
        }
        int attempt = progress.attempts() + 1;
        if (command.attempt() != null && command.attempt() != attempt) {
            throw new IllegalCampaignTransitionException(
                    status(),
                    "record attempt " + command.attempt() + " for",
                    "number " + command.number() + " is at attempt " + progress.attempts());
        }
        RetryConfig retry = settings().retryConfig();
        boolean retried = !progress.scrubbed()
                && retry.retryResults().contains(command.result())
                && attempt < retry.maxAttempts();
        Instant retryAt = retried
                ? command.startTime()
                        .plusSeconds(command.durationSeconds())
                        .plus(Duration.ofMinutes(retry.minutesBetweenAttempts()))
                : null;
        apply(new CallResultRecordedEvent(
                campaignId(),
                command.callId(),
                command.number(),
                command.result(),
                attempt,
                command.startTime(),
                command.durationSeconds(),
                command.agentSessionId(),
                !retried,
                retryAt,
                CampaignRules.violation(command, settings())));
        boolean finished = openNumbers() == 0 && status() == RUNNING;
        if (finished) {
            apply(new CampaignFinishedEvent(campaignId()));
        }
        return new CallRecorded(attempt, !retried, retryAt, finished);
    }

    private void checkRevision(RevisionedCommand command) {
        if (command.expectedRevision() != null && command.expectedRevision() != revision()) {
            throw new CampaignRevisionMismatchException(command.expectedRevision(), revision());
        }
    }

    private void requireStatus(Set<CampaignStatus> allowed, String command, String why) {
        if (!allowed.contains(status())) {
            throw new IllegalCampaignTransitionException(status(), command, why);
        }
    }
}
