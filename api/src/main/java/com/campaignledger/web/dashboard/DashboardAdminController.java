package com.campaignledger.web.dashboard;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.operations.deadletters.DeadLetters;
import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorStatus;
import com.campaignledger.operations.processors.ReplayRefusedException;
import com.campaignledger.web.Problems;
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

/** The dashboard's operations view, for ADMIN sessions only (see the security chain): the same as /api/admin. */
@Hidden
@RestController
@RequestMapping("/dashboard/admin")
class DashboardAdminController {

    private final ProcessorReplays replays;
    private final DeadLetters deadLetters;

    DashboardAdminController(ProcessorReplays replays, DeadLetters deadLetters) {
        this.replays = replays;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return replays.list();
    }

    @PostMapping("/processors/{name}/replay")
    ProcessorStatus replay(@PathVariable String name) {
        return replays.replay(name);
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.Sequence> deadLetters() {
        return deadLetters.list(Optional.empty());
    }

    @PostMapping("/dead-letters/{processor}/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String processor) {
        return deadLetters.retry(processor);
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail refused(ReplayRefusedException e) {
        return Problems.of(ProblemType.REPLAY_REFUSED, e.getMessage());
    }
}
