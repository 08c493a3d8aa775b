package com.campaignledger.web.dnc;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.dnc.api.DncCommands.AddDncNumber;
import com.campaignledger.dnc.api.DncCommands.CreateDncList;
import com.campaignledger.dnc.api.DncCommands.DeleteDncList;
import com.campaignledger.dnc.api.DncCommands.RemoveDncNumber;
import com.campaignledger.dnc.api.DncCommands.RenameDncList;
import com.campaignledger.dnc.api.DncCommands.UpdateDncNumber;
import com.campaignledger.dnc.api.DncEntryId;
import com.campaignledger.dnc.api.DncListId;
import com.campaignledger.dnc.api.DncSource;
import com.campaignledger.dnc.directory.DefaultDncLists;
import com.campaignledger.dnc.directory.DncQueries;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's ContactService DNC operations as REST: an account's do-not-call lists (the default one, where DNC
 * results go, is made the first time the account needs it) and their numbers. Every add and remove is an event with
 * its actor; the numbers are on DNC for every upload and claim as soon as the answer comes.
 */
@RestController
class DncController {

    /** A list to create or rename. */
    record ListRequest(String name, String requestId) {}

    /** One number to put on a list, with why. */
    @Schema(name = "DncNumberRequest")
    record NumberRequest(String number, String reason) {}

    /** UpdateDncNumber's body: the list (the account's default one when absent) and why. */
    record NumberUpdate(Long listId, String reason) {}

    /** What AddNumbersToDncList did: numbers newly on the list, and those already on it. */
    record NumbersAdded(long listId, int added, int alreadyListed) {}

    @Schema(name = "DncNumberPage")
    record NumberPage(List<DncQueries.NumberView> content, int page, int size, long totalElements) {}

    private static final int MAX_REASON = 500;

    private final DncQueries queries;
    private final DefaultDncLists defaults;
    private final CommandExecutor executor;
    private final int maxPageSize;
    private final int maxNumbers;

    DncController(
            DncQueries queries,
            DefaultDncLists defaults,
            CommandExecutor executor,
            @Value("${ledger.max-page-size}") int maxPageSize,
            @Value("${ledger.max-numbers-per-upload}") int maxNumbers) {
        this.queries = queries;
        this.defaults = defaults;
        this.executor = executor;
        this.maxPageSize = maxPageSize;
        this.maxNumbers = maxNumbers;
    }

    @GetMapping("/api/dnc-lists")
    List<DncQueries.ListView> lists(RequestContext context) {
        defaults.of(context.accountId(), command -> executor.send(context, command));
        return queries.lists(context.accountId());
    }

    @PostMapping("/api/dnc-lists")
    ResponseEntity<?> create(@RequestBody ListRequest body, CommandRequest command) {
        return executor.execute(command, body.requestId(), body, context -> {
            DncListId id = DncListId.of(queries.nextListId());
            executor.send(context, new CreateDncList(id, context.accountId(), body.name(), false));
            return ResponseEntity.created(URI.create("/api/dnc-lists/" + id.value()))
                    .body(require(context.accountId(), id.value()));
        });
    }

    @GetMapping("/api/dnc-lists/{id}")
    DncQueries.ListView list(@PathVariable long id, RequestContext context) {
        return require(context.accountId(), id);
    }

    @PatchMapping("/api/dnc-lists/{id}")
    ResponseEntity<?> rename(@PathVariable long id, @RequestBody ListRequest body, CommandRequest command) {
        require(command.context().accountId(), id);
        return executor.execute(command, body.requestId(), body, context -> {
            executor.send(context, new RenameDncList(DncListId.of(id), body.name()));
            return ResponseEntity.ok(require(context.accountId(), id));
        });
    }

    @DeleteMapping("/api/dnc-lists/{id}")
    ResponseEntity<?> delete(@PathVariable long id, CommandRequest command) {
        require(command.context().accountId(), id);
        return executor.execute(command, null, null, context -> {
            executor.send(context, new DeleteDncList(DncListId.of(id)));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/api/dnc-lists/{id}/numbers")
    ResponseEntity<?> addNumbers(@PathVariable long id, @RequestBody List<NumberRequest> body, CommandRequest command) {
        require(command.context().accountId(), id);
        List<NumberRequest> numbers = normalized(body);
        return executor.execute(command, null, body, context -> {
            Set<String> before = queries.onList(
                    id, numbers.stream().map(NumberRequest::number).toList());
            for (NumberRequest n : numbers) {
                executor.send(
                        context,
                        new AddDncNumber(
                                DncEntryId.of(DncListId.of(id), n.number()),
                                context.accountId(),
                                n.reason(),
                                DncSource.MANUAL,
                                null,
                                null));
            }
            int already = (int)
                    numbers.stream().filter(n -> before.contains(n.number())).count();
            return ResponseEntity.ok(new NumbersAdded(id, numbers.size() - already, already));
        });
    }

    @DeleteMapping("/api/dnc-lists/{id}/numbers/{number}")
    ResponseEntity<?> removeNumber(@PathVariable long id, @PathVariable String number, CommandRequest command) {
        require(command.context().accountId(), id);
        String e164 = PhoneNumbers.toE164(number)
                .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        if (queries.onList(id, List.of(e164)).isEmpty()) {
            throw new ResourceNotFoundException(e164 + " is not on DNC list " + id);
        }
        return executor.execute(command, null, null, context -> {
            executor.send(context, new RemoveDncNumber(DncEntryId.of(DncListId.of(id), e164)));
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/api/dnc-numbers")
    NumberPage numbers(
            @RequestParam(required = false) String number,
            @RequestParam(required = false) Long listId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context) {
        QueryParameters.checkPage(page, size, maxPageSize);
        String e164 = number == null
                ? null
                : PhoneNumbers.toE164(number)
                        .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        DncQueries.NumberPage found = queries.numbers(context.accountId(), e164, listId, page, size);
        return new NumberPage(found.content(), page, size, found.totalElements());
    }

    @PutMapping("/api/dnc-numbers/{number}")
    ResponseEntity<?> updateNumber(
            @PathVariable String number, @RequestBody NumberUpdate body, CommandRequest command) {
        String e164 = PhoneNumbers.toE164(number)
                .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        if (body.reason() != null && body.reason().length() > MAX_REASON) {
            throw new RequestValidationException("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (body.listId() != null) {
            require(command.context().accountId(), body.listId());
        }
        return executor.execute(command, null, body, context -> {
            long listId = body.listId() != null
                    ? body.listId()
                    : defaults.of(context.accountId(), c -> executor.send(context, c))
                            .value();
            boolean listed = !queries.onList(listId, List.of(e164)).isEmpty();
            executor.send(
                    context,
                    new UpdateDncNumber(DncEntryId.of(DncListId.of(listId), e164), context.accountId(), body.reason()));
            DncQueries.NumberView view = queries.numbers(context.accountId(), e164, listId, 0, 1)
                    .content()
                    .get(0);
            return ResponseEntity.status(listed ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(view);
        });
    }

    private DncQueries.ListView require(String accountId, long id) {
        return queries.list(accountId, id).orElseThrow(() -> new ResourceNotFoundException("No DNC list " + id));
    }

    /** Every number in E.164, each bad one named; a number sent twice counts once. */
    private List<NumberRequest> normalized(List<NumberRequest> body) {
        if (body == null || body.isEmpty() || body.size() > maxNumbers) {
            throw new RequestValidationException("body", "must be 1 to " + maxNumbers + " numbers");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<NumberRequest> numbers = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            NumberRequest n = body.get(i);
            String e164 = n == null || n.number() == null
                    ? null
                    : PhoneNumbers.toE164(n.number()).orElse(null);
            if (e164 == null) {
                violations.add(new Violation("[" + i + "].number", "is not a valid phone number"));
            } else if (n.reason() != null && n.reason().length() > MAX_REASON) {
                violations.add(new Violation("[" + i + "].reason", "must be at most " + MAX_REASON + " characters"));
            } else if (seen.add(e164)) {
                numbers.add(new NumberRequest(e164, n.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return numbers;
    }
}
