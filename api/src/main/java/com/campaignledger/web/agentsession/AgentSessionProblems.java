package com.campaignledger.web.agentsession;

import com.campaignledger.agent.session.api.AgentSessionConflictException;
import com.campaignledger.agent.session.api.AgentSessionNotFoundException;
import com.campaignledger.agent.session.api.InvalidAgentSessionException;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.dialer.agents.AgentLoggedOutException;
import com.campaignledger.dialer.agents.TooManyWaitsException;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The agent sessions' errors as problem+json, in the shapes {@link ProblemHandler} gives every other error. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgentSessionProblems {

    @ExceptionHandler(AgentSessionConflictException.class)
    ProblemDetail agentConflict(AgentSessionConflictException e) {
        ProblemDetail problem = Problems.of(ProblemType.AGENT_STATE_CONFLICT, e.getMessage());
        problem.setProperty("currentState", e.state());
        return problem;
    }

    @ExceptionHandler(AgentSessionNotFoundException.class)
    ProblemDetail agentNotFound(AgentSessionNotFoundException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidAgentSessionException.class)
    ProblemDetail invalidAgent(InvalidAgentSessionException e) {
        return ProblemHandler.invalid(List.of(new Violation(
                e.field(), e.getMessage().substring(e.field().length()).trim())));
    }

    @ExceptionHandler(AgentLoggedOutException.class)
    ProblemDetail agentLoggedOut(AgentLoggedOutException e) {
        return Problems.of(ProblemType.AGENT_LOGGED_OUT, e.getMessage());
    }

    @ExceptionHandler(AgentNotAdmittedException.class)
    ProblemDetail notAdmitted(AgentNotAdmittedException e) {
        ProblemDetail problem = Problems.of(ProblemType.AGENT_NOT_ADMITTED, e.getMessage());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(InviteTokenMismatchException.class)
    ProblemDetail tokenMismatch(InviteTokenMismatchException e) {
        return Problems.of(ProblemType.OUTSIDE_INVITE_TOKEN, e.getMessage());
    }

    @ExceptionHandler(TooManyWaitsException.class)
    ResponseEntity<ProblemDetail> tooManyPolls(TooManyWaitsException e) {
        ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_WAITS, e.getMessage());
        problem.setProperty("retryAfterSeconds", 1);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
