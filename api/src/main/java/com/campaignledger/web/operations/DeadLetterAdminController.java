package com.campaignledger.web.operations;

import com.campaignledger.operations.deadletters.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events a processor could not handle, for operators: see them, retry them once the cause is fixed, or evict them. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration", description = "Event processors: status, lag, replay, dead letters")
class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(
            summary = "Every dead-lettered event, by processor and aggregate",
            description =
                    "A sequence is one aggregate's events in one processor: the event that failed (with its cause) "
                            + "and the later events of that aggregate, which wait behind it. Other aggregates go on.")
    List<DeadLetters.Sequence> list(
            @Parameter(description = "Only this processor's letters", example = "campaign-view")
                    @RequestParam(required = false)
                    String processor) {
        return deadLetters.list(Optional.ofNullable(processor));
    }

    @PostMapping("/{processor}/retry")
    @Operation(
            summary = "Hand a processor's dead letters to its handlers again",
            description =
                    "Each sequence is retried from its failed event; a sequence handled to its end leaves the "
                            + "queue and its read model is back with the events. One that fails again stays, with the new cause.")
    DeadLetters.RetryOutcome retry(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable
                    String processor) {
        return deadLetters.retry(processor);
    }

    @DeleteMapping("/{processor}/{sequence}")
    @Operation(
            summary = "Evict an aggregate's dead letters without handling them",
            description = "The read model then misses those events until the processor is replayed "
                    + "(POST /api/admin/processors/{name}/replay).")
    @ApiResponse(responseCode = "204", description = "Evicted")
    ResponseEntity<Void> evict(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable String processor,
            @Parameter(description = "The sequence: the aggregate's identifier") @PathVariable String sequence) {
        deadLetters.evict(processor, sequence);
        return ResponseEntity.noContent().build();
    }
}
