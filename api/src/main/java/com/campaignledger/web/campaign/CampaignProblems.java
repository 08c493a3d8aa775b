package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignRevisionMismatchException;
import com.campaignledger.campaign.api.IllegalCampaignTransitionException;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.ETags;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The campaign context's errors as problem+json, in the shapes {@link ProblemHandler} gives every other error. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignProblems {

    @ExceptionHandler(InvalidCampaignException.class)
    ProblemDetail invalidCampaign(InvalidCampaignException e) {
        return ProblemHandler.invalid(e.violations());
    }

    @ExceptionHandler(IllegalCampaignTransitionException.class)
    ProblemDetail illegalTransition(IllegalCampaignTransitionException e) {
        ProblemDetail problem = Problems.of(ProblemType.ILLEGAL_TRANSITION, e.getMessage());
        problem.setProperty("currentStatus", e.currentStatus());
        problem.setProperty("command", e.command());
        return problem;
    }

    @ExceptionHandler(CampaignRevisionMismatchException.class)
    ResponseEntity<ProblemDetail> staleRevision(CampaignRevisionMismatchException e) {
        ProblemDetail problem = Problems.of(
                ProblemType.PRECONDITION_FAILED, e.getMessage() + ": read it again and retry with the new ETag");
        problem.setProperty("currentVersion", e.actual());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(ETags.of(e.actual()))
                .body(problem);
    }
}
