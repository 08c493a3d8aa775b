package com.campaignledger.web.registry;

import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.RegistryConflictException;
import com.campaignledger.agent.registry.api.RegistryEntryNotFoundException;
import com.campaignledger.agent.registry.api.RegistryVersionMismatchException;
import com.campaignledger.campaign.api.NotOnRosterException;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.registry.directory.UniqueValueTakenException;
import com.campaignledger.web.ETags;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's and roster's errors as problem+json, in the shapes {@link ProblemHandler} gives every other error. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    @ExceptionHandler(InvalidRegistryEntryException.class)
    ProblemDetail invalid(InvalidRegistryEntryException e) {
        return ProblemHandler.invalid(List.of(new Violation(e.field(), e.reason())));
    }

    @ExceptionHandler(RegistryVersionMismatchException.class)
    ResponseEntity<ProblemDetail> stale(RegistryVersionMismatchException e) {
        ProblemDetail problem = Problems.of(
                ProblemType.PRECONDITION_FAILED, e.getMessage() + ": read it again and retry with the new ETag");
        problem.setProperty("currentVersion", e.actual());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(ETags.of(e.actual()))
                .body(problem);
    }

    @ExceptionHandler(RegistryEntryNotFoundException.class)
    ProblemDetail notFound(RegistryEntryNotFoundException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotOnRosterException.class)
    ProblemDetail notOnRoster(NotOnRosterException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RegistryConflictException.class)
    ProblemDetail conflict(RegistryConflictException e) {
        return Problems.of(ProblemType.STATE_CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UniqueValueTakenException.class)
    ProblemDetail taken(UniqueValueTakenException e) {
        ProblemDetail problem = Problems.of(ProblemType.ALREADY_TAKEN, e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
