package com.campaignledger.dnc.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.dnc.api.DncCommands.AddDncNumber;
import com.campaignledger.dnc.api.DncCommands.RemoveDncNumber;
import com.campaignledger.dnc.api.DncCommands.UpdateDncNumber;
import com.campaignledger.dnc.api.DncEntryId;
import com.campaignledger.dnc.api.DncEvents.DncNumberAdded;
import com.campaignledger.dnc.api.DncEvents.DncNumberReasonChanged;
import com.campaignledger.dnc.api.DncEvents.DncNumberRemoved;
import com.campaignledger.dnc.api.DncRuleException;
import com.campaignledger.dnc.api.DncSource;
import com.campaignledger.kernel.PhoneNumbers;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One number on one DNC list, over time: added, removed, added again. Its stream is the number's DNC history on that
 * list. Adding a number already on the list changes nothing (a second DNC result of the same person is no news).
 */
@Aggregate(lockFactory = "aggregateLockFactory")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class DncEntry {

    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private DncEntryId entryId;

    private String accountId;
    private boolean listed;
    private String reason;

    protected DncEntry() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddDncNumber command) {
        check(command.entryId(), command.accountId(), command.reason());
        if (!listed) {
            add(
                    command.entryId(),
                    command.accountId(),
                    command.reason(),
                    command.source(),
                    command.campaignId(),
                    command.callId());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UpdateDncNumber command) {
        DncEntryId id = command.entryId();
        check(id, command.accountId(), command.reason());
        if (!listed) {
            add(id, command.accountId(), command.reason(), DncSource.MANUAL, null, null);
        } else if (!Objects.equals(reason, command.reason())) {
            apply(new DncNumberReasonChanged(id, id.listId(), id.number(), accountId, reason, command.reason()));
        }
    }

    private void check(DncEntryId id, String commandAccount, String newReason) {
        if (!PhoneNumbers.isE164(id.number())) {
            throw new DncRuleException("number", "must be a phone number in E.164", false);
        }
        if (newReason != null && newReason.length() > MAX_REASON) {
            throw new DncRuleException("reason", "must be at most " + MAX_REASON + " characters", false);
        }
        if (accountId != null && !accountId.equals(commandAccount)) {
            throw new DncRuleException(null, "DNC list " + id.listId() + " belongs to another account", true);
        }
    }

    private static void add(
            DncEntryId id, String accountId, String reason, DncSource source, Long campaignId, String callId) {
        apply(new DncNumberAdded(id, id.listId(), id.number(), accountId, reason, source, campaignId, callId));
    }

    @CommandHandler
    void handle(RemoveDncNumber command) {
        if (!listed) {
            throw new DncRuleException(null, entryId.number() + " is not on DNC list " + entryId.listId(), true);
        }
        apply(new DncNumberRemoved(entryId, entryId.listId(), entryId.number(), accountId));
    }

    @EventSourcingHandler
    void on(DncNumberAdded event) {
        entryId = event.entryId();
        accountId = event.accountId();
        listed = true;
        reason = event.reason();
    }

    @EventSourcingHandler
    void on(DncNumberReasonChanged event) {
        reason = event.newReason();
    }

    @EventSourcingHandler
    void on(DncNumberRemoved event) {
        listed = false;
    }
}
