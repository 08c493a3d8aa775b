package com.campaignledger.eventstore;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;

/**
 * Axon's per-aggregate lock, held until the surrounding transaction ends. Axon releases it when the command's unit of
 * work ends; inside a request's transaction that is before the commit, and the next command on the aggregate would
 * take the cached copy holding events not yet committed (or, should the request roll back, never committed). Held to
 * the commit, commands on one aggregate in one instance still follow each other as they did.
 */
final class CommitBoundLockFactory implements LockFactory {

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                AfterCommit.afterCompletion(lock::release);
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }
}
