package com.campaignledger.web.operations;

import com.campaignledger.operations.deadletters.DeadLetters;
import io.swagger.v3.oas.annotations.Parameter;
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
class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.Sequence> list(
            @Parameter(description = "Only this processor's letters", example = "campaign-view")
                    @RequestParam(required = false)
                    String processor) {
        return deadLetters.list(Optional.ofNullable(processor));
    }

    @PostMapping("/{processor}/retry")
    DeadLetters.RetryOutcome retry(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable
                    String processor) {
        return deadLetters.retry(processor);
    }

    @DeleteMapping("/{processor}/{sequence}")
    ResponseEntity<Void> evict(
            @Parameter(description = "The processor's name", example = "campaign-view") @PathVariable String processor,
            @Parameter(description = "The sequence: the aggregate's identifier") @PathVariable String sequence) {
        deadLetters.evict(processor, sequence);
        return ResponseEntity.noContent().build();
    }
}
