package com.campaignledger.eventstore;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait for the database's commit. A command run inside a longer transaction (a request's, see
 * {@link SavepointTransactionManager}) reaches Axon's after-commit phase when its savepoint is released, before
 * anything is visible to other connections: what wakes a reader of the store or trusts the command's outcome waits for
 * the real commit, and never happens if that transaction rolls back.
 */
final class AfterCommit {

    private AfterCommit() {}

    /** Runs {@code work} after the surrounding transaction commits, or now when none is open. */
    static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    /** Runs {@code work} once the surrounding transaction has ended, however; now when none is open. */
    static void afterCompletion(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                work.run();
            }
        });
    }

    /** Runs {@code work} if the surrounding transaction rolls back; never when none is open. */
    static void onRollback(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
