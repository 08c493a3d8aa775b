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

    /** RemoveNumbersFromDncList, one number; one not on the list is a refusal. */
    public record RemoveDncNumber(@TargetAggregateIdentifier DncEntryId entryId) {}
}
