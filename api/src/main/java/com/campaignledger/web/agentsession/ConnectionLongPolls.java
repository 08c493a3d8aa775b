package com.campaignledger.web.agentsession;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import com.campaignledger.dialer.agents.ConnectionNotifier;
import com.campaignledger.kernel.UserIds;
import com.campaignledger.web.RequestContext;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * getConnectionForAgent's wait, without a request thread: the poll is a {@link DeferredResult} that the connection
 * notifier's wake-up (a call connected, the agent logged out) or the end of {@code waitSeconds} completes. It looks
 * at the agent session directory, never polls it: first when the request comes, then after each wake-up.
 * <p>
 * Waiting polls are capped per holder, so that one client cannot fill the memory with them: a credential
 * ({@code ledger.agents.max-waiting-polls-per-credential}) and an invite token
 * ({@code ledger.agents.max-waiting-polls-per-invite}); one more is a 429.
 */
@Component
class ConnectionLongPolls {

    private final ConnectionNotifier notifier;
    private final AgentSessionDirectory directory;
    private final int perCredential;
    private final int perInvite;
    private final ConcurrentHashMap<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    // The looks after a wake-up: off the processor thread that wakes the polls, and off Tomcat's request threads.
    private final ExecutorService looks = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "connection-poll");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionLongPolls(
            ConnectionNotifier notifier,
            AgentSessionDirectory directory,
            @Value("${ledger.agents.max-waiting-polls-per-credential:500}") int perCredential,
            @Value("${ledger.agents.max-waiting-polls-per-invite:3}") int perInvite) {
        this.notifier = notifier;
        this.directory = directory;
        this.perCredential = perCredential;
        this.perInvite = perInvite;
    }

    @PreDestroy
    void stop() {
        looks.shutdownNow();
    }

    /**
     * The call the agent is on or still has to answer for, at once if there is one, else the next one connected
     * within {@code waitMillis}; 204 when none came.
     *
     * @param connected the answer for a call
     * @throws TooManyWaitingPollsException when the holder has its cap of polls waiting
     */
    DeferredResult<ResponseEntity<?>> await(
            AgentSessionId session,
            long waitMillis,
            HttpServletRequest request,
            RequestContext context,
            Function<AgentSessionDirectory.OpenCall, ResponseEntity<?>> connected) {
        String holder = holder(request, context);
        int cap = holder.startsWith("invite:") ? perInvite : perCredential;
        AtomicInteger count = waiting.computeIfAbsent(holder, h -> new AtomicInteger());
        if (count.incrementAndGet() > cap) {
            release(holder, count);
            throw new TooManyWaitingPollsException(cap);
        }
        // The servlet's own time-out only backs the poll's up.
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(
                waitMillis + 10_000, () -> ResponseEntity.noContent().build());
        AtomicReference<CompletableFuture<Void>> listening = new AtomicReference<>();
        result.onCompletion(() -> {
            release(holder, count);
            Optional.ofNullable(listening.get()).ifPresent(f -> f.cancel(false));
        });
        look(session, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis), result, listening, connected);
        return result;
    }

    /** How many polls wait on this instance. */
    int waiting() {
        return waiting.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void look(
            AgentSessionId session,
            long deadline,
            DeferredResult<ResponseEntity<?>> result,
            AtomicReference<CompletableFuture<Void>> listening,
            Function<AgentSessionDirectory.OpenCall, ResponseEntity<?>> connected) {
        if (result.isSetOrExpired()) {
            return;
        }
        // Listen first, then look: a call connected in between wakes the listener and is found on the next look.
        CompletableFuture<Void> next = notifier.next(session.value());
        listening.set(next);
        try {
            if (!directory.isOpen(session.value())) {
                next.cancel(false);
                result.setErrorResult(new AgentLoggedOutException(session.value()));
                return;
            }
            Optional<AgentSessionDirectory.OpenCall> call = directory.openCall(session.value());
            if (call.isPresent()) {
                next.cancel(false);
                result.setResult(connected.apply(call.get()));
                return;
            }
        } catch (RuntimeException e) {
            next.cancel(false);
            result.setErrorResult(e);
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            next.cancel(false);
            result.setResult(ResponseEntity.noContent().build());
            return;
        }
        next.orTimeout(left, TimeUnit.NANOSECONDS)
                .whenCompleteAsync(
                        (woken, error) -> {
                            if (error instanceof TimeoutException) {
                                result.setResult(ResponseEntity.noContent().build());
                            } else if (error == null) {
                                look(session, deadline, result, listening, connected);
                            }
                            // Cancelled: the poll has ended (answered, timed out, or the client went away).
                        },
                        looks);
    }

    private void release(String holder, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            waiting.remove(holder, count);
        }
    }

    private static String holder(HttpServletRequest request, RequestContext context) {
        Object invited = request.getAttribute(RequestContext.INVITED_USER_ID);
        return invited != null
                ? "invite:" + context.accountId() + ":" + UserIds.key((String) invited)
                : "credential:" + context.actor();
    }
}
