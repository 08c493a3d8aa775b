package com.campaignledger.dialer.scrub;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.ScrubNumbersCommand;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.separate.SeparateCommands;
import com.campaignledger.dnc.api.DncEvents.DncNumberAdded;
import com.campaignledger.kernel.MetadataKeys;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * A number put on a do-not-call list is scrubbed from every campaign of the account that has it and has not dialled it
 * to a final result (the campaign's scrubLevel decides). Found through the dialer's call list; its own tracking
 * processor, which retries rather than skips (DialerScrubConfig).
 */
@Component
@ProcessingGroup(DncScrubbing.PROCESSING_GROUP)
@DisallowReplay
public class DncScrubbing {

    public static final String PROCESSING_GROUP = "dnc-scrubbing";
    private static final String ACTOR = "system:dnc-scrubbing";

    private final SeparateCommands commands;
    private final CallListRepository callList;

    DncScrubbing(SeparateCommands commands, CallListRepository callList) {
        this.commands = commands;
        this.callList = callList;
    }

    @EventHandler
    void on(DncNumberAdded event) {
        String reason = "put on DNC list " + event.listId() + (event.reason() == null ? "" : ": " + event.reason());
        for (long campaign : callList.campaignsWithOpenNumber(event.accountId(), event.number())) {
            // Each campaign's scrub commits on its own: the batch never holds one campaign while it waits for the next.
            // A retried batch scrubs again, which changes nothing (numbers already scrubbed are left alone).
            commands.sendAndWait(
                    new ScrubNumbersCommand(CampaignId.of(campaign), List.of(event.number()), reason),
                    MetaData.from(Map.of(MetadataKeys.ACCOUNT_ID, event.accountId(), MetadataKeys.ACTOR, ACTOR)));
        }
    }
}
