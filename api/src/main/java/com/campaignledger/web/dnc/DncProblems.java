package com.campaignledger.web.dnc;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.dnc.api.DncRuleException;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The DNC context's refusals as problems: a rule about a field is a 400 naming it, a state that forbids it a 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DncProblems {

    @ExceptionHandler(DncRuleException.class)
    ProblemDetail refused(DncRuleException e) {
        if (e.conflict() || e.field() == null) {
            return Problems.of(ProblemType.STATE_CONFLICT, e.getMessage());
        }
        return ProblemHandler.invalid(List.of(new Violation(e.field(), e.getMessage())));
    }
}
