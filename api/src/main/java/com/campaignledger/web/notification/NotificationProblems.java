package com.campaignledger.web.notification;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.notifications.NotificationConflictException;
import com.campaignledger.notifications.NotificationNotFoundException;
import com.campaignledger.notifications.NotificationRequestException;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The notification module's errors as problem+json, in the shapes {@link ProblemHandler} gives every other error. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

    @ExceptionHandler(NotificationRequestException.class)
    ProblemDetail invalid(NotificationRequestException e) {
        return ProblemHandler.invalid(e.violations());
    }

    @ExceptionHandler(NotificationNotFoundException.class)
    ProblemDetail notFound(NotificationNotFoundException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotificationConflictException.class)
    ProblemDetail conflict(NotificationConflictException e) {
        return Problems.of(
                e.preconditionFailed() ? ProblemType.PRECONDITION_FAILED : ProblemType.STATE_CONFLICT, e.getMessage());
    }
}
