package com.campaignledger.web;

import com.campaignledger.eventstore.RequestTransactions;
import com.campaignledger.kernel.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Runs an API request (under {@code /api/}) in one database transaction: the credential look-up, the reads before the
 * command and the command itself, which otherwise cost a transaction each (docs/benchmarks.md, "Statements per
 * command"). The command runs in a savepoint of it, so a refusal or a retried collision leaves it usable. A GET's
 * look-ups share one transaction the same way.
 * <p>
 * A changing request's (POST, PUT, PATCH, DELETE) 2xx must mean committed: its answer is held back until the commit,
 * and a commit that fails becomes a 503 with nothing acknowledged. An answer of 5xx, or a transaction a participant
 * marked for rollback, rolls back. At most
 * {@code ledger.request-transaction.max-concurrent} requests hold a connection this way; the others (and every
 * request when it is 0, the default) run as before, a transaction per statement, so requests never take the whole pool from the
 * processors they may wait for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestTransactionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestTransactionFilter.class);
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final PlatformTransactionManager transactions;
    private final FilterProblems problems;
    private final Semaphore slots;
    private final boolean enabled;

    RequestTransactionFilter(
            PlatformTransactionManager transactions,
            FilterProblems problems,
            @Value(RequestTransactions.MAX_CONCURRENT) int maxConcurrent) {
        this.transactions = transactions;
        this.problems = problems;
        this.enabled = maxConcurrent > 0;
        this.slots = new Semaphore(Math.max(0, maxConcurrent));
    }

    /**
     * Not the ADMIN operations under {@code /api/admin/}: a replay or a dead letter's retry hands its work to a
     * processor's own thread, which must see the tokens and rows the request reset at once, not at the request's end
     * (held back, a replayed processor could go on from tokens the request was still to commit). They are rare.
     */
    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        String path = request.getRequestURI();
        return !enabled
                || !(CHANGING.contains(request.getMethod()) || "GET".equals(request.getMethod()))
                || !path.startsWith("/api/")
                || path.startsWith("/api/admin/");
    }

    /** An answer completed asynchronously comes after the transaction; it is let out when it is complete. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            chain.doFilter(request, response);
            ContentCachingResponseWrapper held =
                    WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
            if (held != null && !isAsyncStarted(request)) {
                held.copyBodyToResponse();
            }
            return;
        }
        if (!slots.tryAcquire()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (CHANGING.contains(request.getMethod())) {
                inTransaction(request, response, chain);
            } else {
                reading(request, response, chain);
            }
        } finally {
            slots.release();
        }
    }

    private void inTransaction(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            chain.doFilter(request, held);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (held.getStatus() >= 500 || transaction.isRollbackOnly()) {
            transactions.rollback(transaction);
            if (held.getStatus() < 400) {
                // Something the answer claims was undone: it must not go out as a success.
                notCommitted(request, held, "a part of the request failed after its answer was made");
            }
        } else {
            try {
                transactions.commit(transaction);
            } catch (RuntimeException e) {
                log.warn("Request transaction not committed: {}", e.toString());
                notCommitted(request, held, "the database did not commit it");
            }
        }
        if (!isAsyncStarted(request)) {
            held.copyBodyToResponse();
        }
    }

    /**
     * A read's look-ups (credential, read models) in one transaction too. It acknowledges nothing, so its answer is not
     * held back; a long-poll or a stream ends it when its first dispatch returns, before it waits.
     */
    private void reading(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (response.getStatus() >= 500 || transaction.isRollbackOnly()) {
            transactions.rollback(transaction);
            return;
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            // A read acknowledged nothing; its answer may be on its way already.
            log.warn("Read transaction not committed: {}", e.toString());
        }
    }

    private void notCommitted(HttpServletRequest request, ContentCachingResponseWrapper held, String why)
            throws IOException {
        if (held.isCommitted()) {
            log.warn("Request transaction rolled back after its answer had gone out ({})", why);
            return;
        }
        String requestId = held.getHeader(RequestContext.REQUEST_ID_HEADER);
        String correlationId = held.getHeader(RequestContext.CORRELATION_ID_HEADER);
        held.reset();
        held.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        held.setHeader(RequestContext.CORRELATION_ID_HEADER, correlationId);
        problems.write(request, held, Problems.of(ProblemType.NOT_COMMITTED, "Nothing was changed: " + why + "."));
    }
}
