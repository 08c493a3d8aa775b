package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A changing request's answer goes out only after its transaction commits; one not committed is a 503. */
class RequestTransactionFilterTest {

    private final List<String> happened = new ArrayList<>();
    private final Transactions transactions = new Transactions();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void theAnswerGoesOutAfterTheCommit() throws Exception {
        filter(10).doFilter(post(), response, created());
        assertThat(happened).containsExactly("begin", "answer made", "commit (nothing sent yet)");
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void aCommitThatFailsIsA503AndNothingOfTheAnswer() throws Exception {
        transactions.failCommit = true;
        filter(10).doFilter(post(), response, created());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("not-committed").doesNotContain("\"id\"");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isNull();
        assertThat(response.getHeader(RequestContext.REQUEST_ID_HEADER)).isEqualTo("r-1");
    }

    @Test
    void aSuccessOverATransactionMarkedForRollbackIsA503AndARefusalStaysARefusal() throws Exception {
        filter(10).doFilter(post(), response, (req, res) -> {
            transactions.status.setRollbackOnly();
            created().doFilter(req, res);
        });
        assertThat(happened).contains("rollback").doesNotContain("commit (nothing sent yet)");
        assertThat(response.getStatus()).isEqualTo(503);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter(10).doFilter(post(), refused, (req, res) -> {
            transactions.status.setRollbackOnly();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(409);
            res.getWriter().write("{\"status\":409}");
        });
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).isEqualTo("{\"status\":409}");
    }

    @Test
    void aReadSharesOneTransactionWithoutBeingHeldBack() throws Exception {
        MockHttpServletRequest get = post();
        get.setMethod("GET");
        filter(10).doFilter(get, response, created());
        assertThat(happened).containsExactly("begin", "answer made", "commit (already sent)");
    }

    @Test
    void requestsBeyondTheLimitOutsideTheApiAndAdminOperationsRunWithoutIt() throws Exception {
        filter(0).doFilter(post(), new MockHttpServletResponse(), created());
        MockHttpServletRequest soap = post();
        soap.setRequestURI("/service/PredictiveService");
        filter(10).doFilter(soap, new MockHttpServletResponse(), created());
        MockHttpServletRequest replay = post();
        replay.setRequestURI("/api/admin/processors/campaign-view/replay");
        filter(10).doFilter(replay, new MockHttpServletResponse(), created());
        assertThat(happened).containsExactly("answer made", "answer made", "answer made");
    }

    private RequestTransactionFilter filter(int maxConcurrent) {
        return new RequestTransactionFilter(transactions, new FilterProblems(new ObjectMapper()), maxConcurrent);
    }

    private static MockHttpServletRequest post() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/campaigns");
        request.setRequestURI("/api/campaigns");
        return request;
    }

    private FilterChain created() {
        return (req, res) -> {
            jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setHeader(RequestContext.REQUEST_ID_HEADER, "r-1");
            http.setStatus(201);
            http.setHeader(HttpHeaders.LOCATION, "/api/campaigns/1");
            http.getWriter().write("{\"id\":1}");
            http.flushBuffer();
            happened.add("answer made");
        };
    }

    private final class Transactions implements PlatformTransactionManager {
        SimpleTransactionStatus status;
        boolean failCommit;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            happened.add("begin");
            status = new SimpleTransactionStatus();
            return status;
        }

        @Override
        public void commit(TransactionStatus status) {
            if (failCommit) {
                throw new TransactionSystemException("connection lost");
            }
            boolean sent = response.isCommitted() || response.getContentAsByteArray().length > 0;
            happened.add("commit" + (sent ? " (already sent)" : " (nothing sent yet)"));
        }

        @Override
        public void rollback(TransactionStatus status) {
            happened.add("rollback");
        }
    }
}
