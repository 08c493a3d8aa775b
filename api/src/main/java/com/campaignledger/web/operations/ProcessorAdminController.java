package com.campaignledger.web.operations;

import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorStatus;
import com.campaignledger.operations.processors.ReplayRefusedException;
import com.campaignledger.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Administration", description = "Event processors: status, lag, replay, dead letters")
class ProcessorAdminController {

    private final ProcessorReplays replays;

    ProcessorAdminController(ProcessorReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    @Operation(
            summary = "Every event processor: mode, status, position, head, lag, and a replay's progress",
            description =
                    "Position and lag are this instance's: with several instances, each shows the segments it holds.")
    List<ProcessorStatus> list() {
        return replays.list();
    }

    @PostMapping("/{name}/replay")
    @Operation(
            summary = "Rebuild a read model from the first event",
            description = "Resets the processor's tokens (its reset handler empties its tables) and starts it again; "
                    + "on PostgreSQL, the read models that write a row per event (campaign-view, campaign-stats, agent-sessions, "
                    + "campaign-history, dispositions-per-hour) are first written in SQL from the event "
                    + "table up to the head, where the processor then goes on (replay.method set-based). "
                    + "Commands are served meanwhile. Progress in GET /api/admin/processors. Processors that act on events "
                    + "(notifications, commands) or keep no stored position cannot be replayed: 409 says why.")
    @ApiResponse(
            responseCode = "202",
            description = "The replay runs; the answer shows where it starts",
            content = @Content(schema = @Schema(implementation = ProcessorStatus.class)))
    ResponseEntity<ProcessorStatus> replay(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail refused(ReplayRefusedException e) {
        return ProblemType.REPLAY_REFUSED.problem(e.getMessage());
    }
}
