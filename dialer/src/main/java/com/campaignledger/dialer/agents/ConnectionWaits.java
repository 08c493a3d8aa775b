package com.campaignledger.dialer.agents;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * getConnectionForAgent's wait, without a thread: a future that the connection notifier's wake-up (a call connected,
 * the agent logged out) or the end of the wait completes. It looks at the agent session directory, never polls it:
 * first when the wait starts, then after each wake-up.
 * <p>
 * Waits are capped per holder, so that one client cannot fill the memory with them: a credential
 * ({@code ledger.agents.max-waiting-polls-per-credential}) and an invite token
 * ({@code ledger.agents.max-waiting-polls-per-invite}); one more is refused.
 */
@Component
public class ConnectionWaits implements DisposableBean {

    private final ConnectionNotifier notifier;
    private final AgentSessionDirectory directory;
    private final int perCredential;
    private final int perInvite;
    private final ConcurrentHashMap<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    // The looks after a wake-up: off the processor thread that wakes the waits, and off the request threads.
    private final ExecutorService looks = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "connection-wait");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionWaits(
            ConnectionNotifier notifier,
            AgentSessionDirectory directory,
            @Value("${ledger.agents.max-waiting-polls-per-credential:500}") int perCredential,
            @Value("${ledger.agents.max-waiting-polls-per-invite:3}") int perInvite) {
        this.notifier = notifier;
        this.directory = directory;
        this.perCredential = perCredential;
        this.perInvite = perInvite;
    }

    /**
     * One wait: {@link #call()} completes with the call the agent is on or still has to answer for, at once if there
     * is one; with the next one connected within the wait; empty when none came; or with
     * {@link AgentLoggedOutException}. {@link #end()} gives its place back (the client went away, or it answered).
     */
    public record Wait(CompletableFuture<Optional<AgentSessionDirectory.OpenCall>> call, Runnable end) {}

    /**
     * @param holder  who waits: a credential's login, or an invite token's agent
     * @param invited whether the holder is an invite token (its cap is smaller)
     * @throws TooManyWaitsException when the holder has its cap of waits
     */
    public Wait await(long sessionId, long waitMillis, String holder, boolean invited) {
        int cap = invited ? perInvite : perCredential;
        AtomicInteger count = waiting.computeIfAbsent(holder, h -> new AtomicInteger());
        if (count.incrementAndGet() > cap) {
            release(holder, count);
            throw new TooManyWaitsException(cap);
        }
        CompletableFuture<Optional<AgentSessionDirectory.OpenCall>> call = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Void>> listening = new AtomicReference<>();
        AtomicInteger released = new AtomicInteger();
        Runnable end = () -> {
            if (released.getAndIncrement() == 0) {
                release(holder, count);
            }
            Optional.ofNullable(listening.get()).ifPresent(f -> f.cancel(false));
            call.complete(Optional.empty());
        };
        look(sessionId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis), call, listening);
        return new Wait(call, end);
    }

    /** How many waits are open on this instance. */
    public int waiting() {
        return waiting.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void destroy() {
        looks.shutdownNow();
    }

    private void look(
            long sessionId,
            long deadline,
            CompletableFuture<Optional<AgentSessionDirectory.OpenCall>> call,
            AtomicReference<CompletableFuture<Void>> listening) {
        if (call.isDone()) {
            return;
        }
        // Listen first, then look: a call connected in between wakes the listener and is found on the next look.
        CompletableFuture<Void> next = notifier.next(sessionId);
        listening.set(next);
        try {
            if (!directory.isOpen(sessionId)) {
                next.cancel(false);
                call.completeExceptionally(new AgentLoggedOutException(sessionId));
                return;
            }
            Optional<AgentSessionDirectory.OpenCall> open = directory.openCall(sessionId);
            if (open.isPresent()) {
                next.cancel(false);
                call.complete(open);
                return;
            }
        } catch (RuntimeException e) {
            next.cancel(false);
            call.completeExceptionally(e);
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            next.cancel(false);
            call.complete(Optional.empty());
            return;
        }
        next.orTimeout(left, TimeUnit.NANOSECONDS)
                .whenCompleteAsync(
                        (woken, error) -> {
                            if (error instanceof TimeoutException) {
                                call.complete(Optional.empty());
                            } else if (error == null) {
                                look(sessionId, deadline, call, listening);
                            }
                            // Cancelled: the wait has ended.
                        },
                        looks);
    }

    private void release(String holder, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            waiting.remove(holder, count);
        }
    }
}
