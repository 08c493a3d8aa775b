package com.campaignledger.web.account;

import com.campaignledger.accounts.AccountConflictException;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The accounts' errors as problem+json, in the shapes {@link ProblemHandler} gives every other error. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler(AccountConflictException.class)
    ProblemDetail accountConflict(AccountConflictException e) {
        return Problems.of(ProblemType.STATE_CONFLICT, e.getMessage());
    }
}
