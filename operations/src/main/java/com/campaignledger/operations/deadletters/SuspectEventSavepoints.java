package com.campaignledger.operations.deadletters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a failing event be dead-lettered on PostgreSQL. There a failed statement aborts the whole transaction, so the
 * dead letter, written in the transaction of the processor's batch, fails too and the batch is rolled back and tried
 * again, for ever. A savepoint per event would avoid that at the cost of two round trips per event and processor;
 * instead, an event whose handler failed is remembered, and when its batch is tried again (a second later) only that
 * event's handler runs inside a savepoint: if it fails again, the savepoint is rolled back, the transaction stays
 * usable and the letter is written. A dead letter retried by hand also runs inside a savepoint.
 */
public class SuspectEventSavepoints implements HandlerEnhancerDefinition {

    /** Long enough for a processor's retry after its back-off (at most a minute), short enough to be forgotten. */
    private static final long FORGET_AFTER_NANOS = Duration.ofMinutes(10).toNanos();

    private static final int MAX_SUSPECTS = 10_000;

    private final TransactionTemplate savepoint;
    private final Map<String, Long> suspects = new ConcurrentHashMap<>();

    SuspectEventSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                String key = message.getIdentifier()
                        + '/'
                        + original.declaringClass().getName();
                if (isSuspect(key) || retryingDeadLetter()) {
                    return inSavepoint(() -> super.handle(message, target));
                }
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    suspect(key);
                    throw e;
                }
            }
        };
    }

    private boolean isSuspect(String key) {
        Long since = suspects.remove(key);
        return since != null && System.nanoTime() - since < FORGET_AFTER_NANOS;
    }

    private void suspect(String key) {
        if (suspects.size() >= MAX_SUSPECTS) {
            long now = System.nanoTime();
            suspects.values().removeIf(since -> now - since >= FORGET_AFTER_NANOS);
            if (suspects.size() >= MAX_SUSPECTS) {
                suspects.clear();
            }
        }
        suspects.put(key, System.nanoTime());
    }

    private static boolean retryingDeadLetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        try {
            return savepoint.execute(status -> {
                try {
                    return handling.handle();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries a handler's checked exception through the savepoint's callback. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
