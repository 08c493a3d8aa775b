package com.campaignledger.dialer.separate;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command from an event handler as a request would: in a unit of work and a database transaction of its own,
 * committed, and its aggregate's lock released, before the handler goes on.
 * <p>
 * A command sent from a handler the usual way becomes part of the processor's batch: it commits with the batch, and its
 * aggregate stays locked until the whole batch ends. A processor that sends commands to several campaigns in one batch
 * then holds all their locks at once, and two such processors can each wait for a lock the other holds: Axon detects
 * the deadlock and retries the batch, after a pause of a second or more (docs/benchmarks.md). A processor that sends
 * its commands here holds no aggregate lock while it waits for another, so it can be in no such cycle.
 * <p>
 * Only for commands the aggregate takes once: a batch that fails after such a command has committed sends it again when
 * it is retried, and the second one must change nothing.
 */
@Component
public class SeparateCommands {

    private final CommandGateway commands;
    private final TransactionTemplate outsideTheBatch;

    public SeparateCommands(CommandGateway commands, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.outsideTheBatch = new TransactionTemplate(transactions);
        // The batch's transaction is suspended, so the command's unit of work opens and commits one of its own.
        this.outsideTheBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Sends {@code command} (with the handled event's correlation data) and waits for its result. */
    public <R> R sendAndWait(Object command) {
        return sendAndWait(command, MetaData.emptyInstance());
    }

    /** Sends {@code command} with {@code metaData} (and the handled event's correlation data) and waits for its result. */
    public <R> R sendAndWait(Object command, MetaData metaData) {
        // Made while the batch's unit of work is current, so it carries the event's correlation data (trace, actor).
        CommandMessage<?> message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (batch != null) {
            CurrentUnitOfWork.clear(batch);
        }
        try {
            return outsideTheBatch.execute(status -> commands.<R>sendAndWait(message));
        } finally {
            if (batch != null) {
                CurrentUnitOfWork.set(batch);
            }
        }
    }
}
