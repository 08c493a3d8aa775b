package com.campaignledger.dnc.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of do-not-call lists (seed 002's CreateDncList, DeleteDncList, AddNumbersToDncList, ...). */
public final class DncCommands {

    private DncCommands() {}

    /** CreateDncList; {@code defaultList} is the account's own list that DNC results go to. */
    public record CreateDncList(
            @TargetAggregateIdentifier DncListId listId, String accountId, String name, boolean defaultList) {}

    public record RenameDncList(@TargetAggregateIdentifier DncListId listId, String name) {}

    /** DeleteDncList: not the default list. */
    public record DeleteDncList(@TargetAggregateIdentifier DncListId listId) {}

    /**
     * AddNumbersToDncList, one number: with why, and where from ({@code campaignId} and {@code callId} for a DNC result).
     * A number already on the list stays as it was.
     */
    public record AddDncNumber(
            @TargetAggregateIdentifier DncEntryId entryId,
            String accountId,
            String reason,
            DncSource source,
            Long campaignId,
            String callId) {}

    /**
     * UpdateDncNumber: the number on the list with this reason, put there by hand if it was not (a PUT). The reason is
     * the only thing of a listed number that may change; where it came from stays.
     */
    public record UpdateDncNumber(@TargetAggregateIdentifier DncEntryId entryId, String accountId, String reason) {}

    /** RemoveNumbersFromDncList, one number; one not on the list is a refusal. */
    public record RemoveDncNumber(@TargetAggregateIdentifier DncEntryId entryId) {}
}
