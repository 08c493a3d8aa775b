package com.campaignledger.dnc.api;

/**
 * One number on one list: its own event stream ({@code dnc-list-3/+12135551212}), so a list of a million numbers is a
 * million short histories, each answering "who put this number on DNC, when, from which call".
 */
public record DncEntryId(long listId, String number) {

    public static DncEntryId of(DncListId list, String number) {
        return new DncEntryId(list.value(), number);
    }

    @Override
    public String toString() {
        return "dnc-list-" + listId + "/" + number;
    }
}
