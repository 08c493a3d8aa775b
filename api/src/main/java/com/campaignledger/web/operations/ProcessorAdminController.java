package com.campaignledger.web.operations;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorStatus;
import com.campaignledger.operations.processors.ReplayRefusedException;
import com.campaignledger.web.Problems;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The event processors, for operators: where each stands, and rebuilding a read model from the first event. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorAdminController {

    private final ProcessorReplays replays;

    ProcessorAdminController(ProcessorReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    List<ProcessorStatus> list() {
        return replays.list();
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail refused(ReplayRefusedException e) {
        return Problems.of(ProblemType.REPLAY_REFUSED, e.getMessage());
    }
}
