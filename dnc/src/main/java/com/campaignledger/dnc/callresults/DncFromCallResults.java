package com.campaignledger.dnc.callresults;

import static com.campaignledger.kernel.MetadataKeys.ACCOUNT_ID;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.dnc.api.DncCommands.AddDncNumber;
import com.campaignledger.dnc.api.DncEntryId;
import com.campaignledger.dnc.api.DncListId;
import com.campaignledger.dnc.api.DncSource;
import com.campaignledger.dnc.directory.DefaultDncLists;
import com.campaignledger.kernel.MetadataKeys;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A DNC result (from either dialer, or an agent's response the campaign maps to DNC) puts the number on the account's
 * default list, with the campaign and call it came from. Its own tracking processor, so a list that cannot be written
 * holds up no campaign; it retries rather than skips (DncConfig).
 */
@Component
@ProcessingGroup(DncFromCallResults.PROCESSING_GROUP)
@DisallowReplay
class DncFromCallResults {

    static final String PROCESSING_GROUP = "dnc-from-call-results"; // DncConfig.FROM_CALL_RESULTS
    private static final String ACTOR = "system:dnc-results";
    private static final String MADE_IN_BATCH = DncFromCallResults.class.getName() + ".defaultLists";

    private final CommandGateway commands;
    private final DefaultDncLists defaults;

    DncFromCallResults(CommandGateway commands, DefaultDncLists defaults) {
        this.commands = commands;
        this.defaults = defaults;
    }

    @EventHandler
    void on(CallResultRecordedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId, MetaData metaData) {
        if (event.result() != CallResult.DNC || accountId == null) {
            return;
        }
        MetaData sent = MetaData.from(Map.of(ACCOUNT_ID, accountId, MetadataKeys.ACTOR, ACTOR))
                .mergedWith(metaData.subset(MetadataKeys.CORRELATION_ID));
        // A list made for an earlier result of this batch is in the batch's transaction, whose events reach the DNC
        // tables only when it commits: remembered for the batch, so it is made once.
        Map<String, DncListId> madeInBatch = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(MADE_IN_BATCH, key -> new HashMap<>())
                : new HashMap<>();
        DncListId list = madeInBatch.computeIfAbsent(accountId, a -> defaults.of(a, command -> send(command, sent)));
        send(
                new AddDncNumber(
                        DncEntryId.of(list, event.number()),
                        accountId,
                        "DNC result of call " + event.callId(),
                        DncSource.CALL_RESULT,
                        event.campaignId().value(),
                        event.callId()),
                sent);
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
    }
}
