package com.campaignledger.idempotency;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An idempotency key sent again with another request, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyProblems {

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage());
    }
}
