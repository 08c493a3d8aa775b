package com.campaignledger.dnc.api;

/** What happened to do-not-call lists; who did it is in each event's metadata (actor, request). */
public final class DncEvents {

    private DncEvents() {}

    public record DncListCreated(DncListId listId, String accountId, String name, boolean defaultList) {}

    public record DncListRenamed(DncListId listId, String oldName, String newName) {}

    public record DncListDeleted(DncListId listId) {}

    public record DncNumberAdded(
            DncEntryId entryId,
            long listId,
            String number,
            String accountId,
            String reason,
            DncSource source,
            Long campaignId,
            String callId) {}

    public record DncNumberReasonChanged(
            DncEntryId entryId, long listId, String number, String accountId, String oldReason, String newReason) {}

    public record DncNumberRemoved(DncEntryId entryId, long listId, String number, String accountId) {}
}
