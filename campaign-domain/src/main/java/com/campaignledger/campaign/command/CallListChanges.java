package com.campaignledger.campaign.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Campaign aggregate's call list: which numbers join it and which of those are scrubbed (events applied for it). */
final class CallListChanges {

    private CallListChanges() {}

    /** What was added: new numbers, duplicates skipped, and how many of the new ones were scrubbed. */
    record Added(int added, int duplicatesSkipped, int scrubbed) {}

    /** scrubLevel 0: no scrubbing; 1 (the default): numbers on the account's DNC lists are never dialled. */
    static Set<String> scrubbing(CampaignSettings settings, Set<String> onDnc) {
        return Integer.valueOf(0).equals(settings.scrubLevel()) ? Set.of() : onDnc;
    }

    /** Applies the numbers that are new, and the scrub of those on a DNC list ({@code onDnc}, already scrubbing's). */
    static Added add(CampaignId id, Set<String> existing, List<ContactNumber> requested, Set<String> onDnc) {
        Set<String> seen = new HashSet<>();
        List<ContactNumber> added = new ArrayList<>();
        for (ContactNumber n : requested) {
            if (!existing.contains(n.number()) && seen.add(n.number())) {
                added.add(n);
            }
        }
        int skipped = requested.size() - added.size();
        if (!added.isEmpty() || skipped > 0) {
            apply(new NumbersAddedEvent(id, added, skipped));
        }
        List<String> scrubbed = added.stream()
                .map(ContactNumber::number)
                .filter(onDnc::contains)
                .toList();
        if (!scrubbed.isEmpty()) {
            apply(new NumbersScrubbedEvent(id, scrubbed, "on a do-not-call list of the account when uploaded"));
        }
        return new Added(added.size(), skipped, scrubbed.size());
    }
}
