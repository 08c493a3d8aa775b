package com.campaignledger.web.dashboard;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.notifications.audit.AuditContext;
import com.campaignledger.notifications.delivery.DeliveryService;
import com.campaignledger.notifications.outbox.AccountDelivery;
import com.campaignledger.notifications.outbox.Delivery;
import com.campaignledger.operations.deadletters.DeadLetters;
import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorStatus;
import com.campaignledger.operations.processors.ReplayRefusedException;
import com.campaignledger.web.Problems;
import com.campaignledger.web.RequestContext;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's operations view, for ADMIN sessions only (see the security chain): the same as /api/admin, and the
 * failing deliveries of every account. The page has them pushed ({@link DashboardOperations}); an action here has the push
 * read them again at its next look.
 */
@Hidden
@RestController
@RequestMapping("/dashboard/admin")
class DashboardAdminController {

    private final ProcessorReplays replays;
    private final DeadLetters deadLetters;
    private final DeliveryService deliveries;
    private final DashboardPush push;

    DashboardAdminController(
            ProcessorReplays replays, DeadLetters deadLetters, DeliveryService deliveries, DashboardPush push) {
        this.replays = replays;
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
        this.push = push;
    }

    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return replays.list();
    }

    @PostMapping("/processors/{name}/replay")
    ProcessorStatus replay(@PathVariable String name) {
        ProcessorStatus started = replays.replay(name);
        push.nudge();
        return started;
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.Sequence> deadLetters() {
        return deadLetters.list(Optional.empty());
    }

    @PostMapping("/dead-letters/{processor}/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String processor) {
        DeadLetters.RetryOutcome outcome = deadLetters.retry(processor);
        push.nudge();
        return outcome;
    }

    /**
     * Every account's webhook and postback deliveries that failed or died (as GET /api/deliveries/{id} shows each),
     * with their account: ADMIN credentials administer the whole service.
     */
    @GetMapping("/deliveries")
    List<AccountDelivery> failingDeliveries() {
        return deliveries.failingInEveryAccount(DashboardOperations.FAILING_DELIVERIES_SHOWN);
    }

    /** As POST /api/deliveries/{id}/redeliver, for a delivery of any account: recorded there, the ADMIN as actor. */
    @PostMapping("/deliveries/{id}/redeliver")
    Delivery redeliver(@PathVariable String id, RequestContext context) {
        Delivery again = deliveries.redeliverInAnyAccount(
                new AuditContext(context.accountId(), context.actor(), context.requestId(), context.correlationId()),
                id);
        push.nudge();
        return again;
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail refused(ReplayRefusedException e) {
        return Problems.of(ProblemType.REPLAY_REFUSED, e.getMessage());
    }
}
