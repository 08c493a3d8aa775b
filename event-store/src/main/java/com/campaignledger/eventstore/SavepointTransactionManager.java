package com.campaignledger.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's Spring transaction manager, but a unit of work that starts inside a transaction it did not open (a request's,
 * or a caller's template) runs in a savepoint of it. A command refused, or an append that lost the race for its
 * sequence number, then rolls back to its savepoint and leaves the surrounding transaction usable: on PostgreSQL a
 * failed statement would otherwise abort it, and the retry after a concurrent append would run in a dead
 * transaction. Axon's own nested work (the append, the reads of the store, a processor's batch) joins the
 * transaction already open, as with Axon's manager, so a command costs one savepoint at most.
 */
final class SavepointTransactionManager implements TransactionManager {

    /** How many of this manager's transactions are open on the thread. */
    private static final ThreadLocal<int[]> OPEN = ThreadLocal.withInitial(() -> new int[1]);

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition join = new DefaultTransactionDefinition();
    private final TransactionDefinition nested =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    SavepointTransactionManager(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        int[] open = OPEN.get();
        boolean outer = open[0] == 0 && TransactionSynchronizationManager.isActualTransactionActive();
        TransactionStatus status = transactions.getTransaction(outer ? nested : join);
        open[0]++;
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (owned(status)) {
                        transactions.commit(status);
                    }
                } finally {
                    closed();
                }
            }

            @Override
            public void rollback() {
                try {
                    if (owned(status)) {
                        transactions.rollback(status);
                    }
                } finally {
                    closed();
                }
            }
        };
    }

    /** A transaction or savepoint this call opened: joined ones end with the transaction that opened them. */
    private static boolean owned(TransactionStatus status) {
        return !status.isCompleted() && (status.isNewTransaction() || status.hasSavepoint());
    }

    private static void closed() {
        int[] open = OPEN.get();
        if (--open[0] <= 0) {
            OPEN.remove();
        }
    }
}
