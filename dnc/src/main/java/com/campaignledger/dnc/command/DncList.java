package com.campaignledger.dnc.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.dnc.api.DncCommands.CreateDncList;
import com.campaignledger.dnc.api.DncCommands.DeleteDncList;
import com.campaignledger.dnc.api.DncCommands.RenameDncList;
import com.campaignledger.dnc.api.DncEvents.DncListCreated;
import com.campaignledger.dnc.api.DncEvents.DncListDeleted;
import com.campaignledger.dnc.api.DncEvents.DncListRenamed;
import com.campaignledger.dnc.api.DncListId;
import com.campaignledger.dnc.api.DncRuleException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A do-not-call list of an account: its name, and whether it is the account's default list (never deleted). */
@Aggregate(lockFactory = "aggregateLockFactory")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class DncList {

    static final int MAX_NAME = 200;

    @AggregateIdentifier
    private DncListId listId;

    private String name;
    private boolean defaultList;
    private boolean deleted;

    protected DncList() {
        // for Axon
    }

    @CommandHandler
    DncList(CreateDncList command) {
        Objects.requireNonNull(command.accountId(), "accountId");
        requireName(command.name());
        apply(new DncListCreated(
                command.listId(), command.accountId(), command.name().strip(), command.defaultList()));
    }

    @CommandHandler
    void handle(RenameDncList command) {
        requireLive();
        requireName(command.name());
        if (!command.name().strip().equals(name)) {
            apply(new DncListRenamed(listId, name, command.name().strip()));
        }
    }

    @CommandHandler
    void handle(DeleteDncList command) {
        requireLive();
        if (defaultList) {
            throw new DncRuleException(null, "The account's default DNC list cannot be deleted", true);
        }
        apply(new DncListDeleted(listId));
    }

    @EventSourcingHandler
    void on(DncListCreated event) {
        listId = event.listId();
        name = event.name();
        defaultList = event.defaultList();
    }

    @EventSourcingHandler
    void on(DncListRenamed event) {
        name = event.newName();
    }

    @EventSourcingHandler
    void on(DncListDeleted event) {
        deleted = true;
    }

    private void requireLive() {
        if (deleted) {
            throw new DncRuleException(null, "DNC list " + listId.value() + " was deleted", true);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new DncRuleException("name", "must be 1 to " + MAX_NAME + " characters", false);
        }
    }
}
