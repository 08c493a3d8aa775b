package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.AddNumbersCommand;
import com.campaignledger.campaign.api.ArchiveCampaignCommand;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.DeleteCampaignCommand;
import com.campaignledger.campaign.api.DeleteQuestionsCommand;
import com.campaignledger.campaign.api.DeleteTransferNumbersCommand;
import com.campaignledger.campaign.api.NumbersAdded;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.StopCampaignCommand;
import com.campaignledger.campaign.api.UpdateCampaignCommand;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.campaign.CampaignAsOf;
import com.campaignledger.projections.campaign.CampaignPage;
import com.campaignledger.projections.campaign.CampaignSort;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.FindCampaignAsOfQuery;
import com.campaignledger.projections.campaign.ListCampaignsQuery;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CallFire's CccService campaign operations as REST: commands go to the Campaign aggregate through Axon,
 * reads come from the campaign read model (or, with {@code asOf}, from the event store itself).
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final QueryGateway queries;
    private final CommandExecutor executor;
    private final CampaignRequestReader reader;
    private final ContactNumbers contactNumbers;
    private final CampaignIds ids;
    private final CampaignLookup campaigns;
    private final CampaignGroupNames groupNames;
    private final CampaignCreation creation;
    private final int maxPageSize;

    CampaignController(
            QueryGateway queries,
            CommandExecutor executor,
            CampaignRequestReader reader,
            ContactNumbers contactNumbers,
            CampaignIds ids,
            CampaignGroupNames groupNames,
            CampaignLookup campaigns,
            CampaignCreation creation,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.queries = queries;
        this.executor = executor;
        this.reader = reader;
        this.contactNumbers = contactNumbers;
        this.ids = ids;
        this.groupNames = groupNames;
        this.campaigns = campaigns;
        this.creation = creation;
        this.maxPageSize = maxPageSize;
    }

    /** CreateCccCampaign: 201 with the new id. */
    @PostMapping
    ResponseEntity<?> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CampaignFields.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "seed 000",
                                                            value = CampaignExamples.SEED_000)))
                    @RequestBody
                    JsonNode body,
            CommandRequest command) {
        return creation.create(body, command);
    }

    /** QueryCccCampaigns. */
    @GetMapping
    CampaignListResponse list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) CampaignStatus status,
            @RequestParam(required = false) String label,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "id") String sort,
            RequestContext context) {
        QueryParameters.checkPage(page, size, maxPageSize);
        String[] order = sort.split(",", 2);
        CampaignSort by;
        try {
            by = CampaignSort.valueOf(order[0].trim());
        } catch (IllegalArgumentException e) {
            throw new RequestValidationException(
                    "sort",
                    "must be one of " + List.of(CampaignSort.values()) + ", optionally followed by ,asc or ,desc");
        }
        boolean descending = order.length > 1 && order[1].trim().equalsIgnoreCase("desc");
        if (order.length > 1 && !descending && !order[1].trim().equalsIgnoreCase("asc")) {
            throw new RequestValidationException("sort", "direction must be asc or desc");
        }
        CampaignPage result = queries.query(
                        new ListCampaignsQuery(context.accountId(), name, status, label, page, size, by, descending),
                        CampaignPage.class)
                .join();
        CampaignListResponse list = CampaignListResponse.of(result);
        String account = context.accountId();
        return new CampaignListResponse(
                list.content().stream().map(c -> groupNames.current(c, account)).toList(),
                list.page(),
                list.size(),
                list.totalElements(),
                list.totalPages());
    }

    /** GetCccCampaign; with {@code asOf}, the campaign as it was at that instant. */
    // JSON only, declared: an Accept it cannot answer is refused before the handler, whose conditional check would
    // otherwise have written the campaign's ETag on the 406 (a version of a representation that was not sent).
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CampaignResponse> get(
            @PathVariable long id,
            @Parameter(
                            description = "ISO-8601 instant: the campaign as it was then, " + "rebuilt from its events",
                            example = "2026-03-24T14:03:00Z")
                    @RequestParam(required = false)
                    Instant asOf,
            RequestContext context) {
        String account = context.accountId();
        if (asOf != null) {
            CampaignAsOf past = queries.query(new FindCampaignAsOfQuery(id, account, asOf), CampaignAsOf.class)
                    .join();
            if (!past.exists()) {
                throw notFound(id);
            }
            if (past.view() == null) {
                throw new ResourceNotFoundException(
                        "Campaign " + id + " did not exist yet at " + asOf + "; it was created at " + past.created(),
                        Map.of("created", past.created().toString()));
            }
            // As it was: the group's name then, not now.
            return ResponseEntity.ok().eTag(ETags.of(past.view().version())).body(CampaignResponse.of(past.view()));
        }
        CampaignView view = campaigns.requireEvenDeleted(id, account);
        if (view.deleted()) {
            throw new ResourceNotFoundException("Campaign " + id + " was deleted; its history is kept");
        }
        return ResponseEntity.ok()
                .eTag(ETags.of(view.version()))
                .body(groupNames.current(CampaignResponse.of(view), account));
    }

    /** UpdateCccCampaign: only the fields sent change; {@code null} clears a field. */
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<?> update(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CampaignFields.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "script and calling window",
                                                            value = CampaignExamples.PATCH)))
                    @RequestBody
                    JsonNode body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        CampaignRequest request =
                groupNames.named(reader.read(body, false), command.context().accountId());
        return executor.execute(
                command,
                request.requestId(),
                body,
                context -> accepted(
                        campaignId,
                        executor.send(
                                context, new UpdateCampaignCommand(campaignId, request.patch(campaignId), expected))));
    }

    /** ControlCccCampaign: START, STOP or ARCHIVE. */
    @PostMapping("/{id}/control")
    ResponseEntity<?> control(
            @PathVariable long id,
            @Valid @RequestBody ControlRequest body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        Object control = switch (body.command()) {
            case START -> new StartCampaignCommand(campaignId, expected);
            case STOP -> new StopCampaignCommand(campaignId, expected);
            case ARCHIVE -> new ArchiveCampaignCommand(campaignId, expected);
        };
        return executor.execute(
                command, body.requestId(), body, context -> accepted(campaignId, executor.send(context, control)));
    }

    /** DeleteCccCampaign: the campaign leaves the lists; its history stays. */
    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, null, context -> {
            executor.send(context, new DeleteCampaignCommand(campaignId, expected));
            return ResponseEntity.noContent().build();
        });
    }

    /** DeleteCccCampaignTransferNumbers. */
    @DeleteMapping("/{id}/transfer-numbers")
    ResponseEntity<?> deleteTransferNumbers(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(
                command,
                null,
                null,
                context -> accepted(
                        campaignId, executor.send(context, new DeleteTransferNumbersCommand(campaignId, expected))));
    }

    /** DeleteCccCampaignQuestions. */
    @DeleteMapping("/{id}/questions")
    ResponseEntity<?> deleteQuestions(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(
                command,
                null,
                null,
                context ->
                        accepted(campaignId, executor.send(context, new DeleteQuestionsCommand(campaignId, expected))));
    }

    /** updateRatio. */
    @PutMapping("/{id}/dial-ratio")
    ResponseEntity<?> dialRatio(
            @PathVariable long id,
            @Valid @RequestBody DialRatioRequest body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(
                command,
                body.requestId(),
                body,
                context -> accepted(
                        campaignId,
                        executor.send(context, new UpdateDialRatioCommand(campaignId, body.ratio(), expected))));
    }

    /** Adds numbers to the call list: duplicates are skipped and counted; one invalid number refuses the upload. */
    @PostMapping("/{id}/numbers")
    ResponseEntity<?> addNumbers(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "two numbers",
                                                            value = CampaignExamples.NUMBERS)))
                    @RequestBody
                    List<NumberRequest> body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignId campaignId = campaignId(id);
        Long expected = ETags.expectedVersion(ifMatch);
        List<ContactNumber> numbers = contactNumbers.normalize(body, "");
        return executor.execute(command, null, body, context -> {
            NumbersAdded added = executor.send(
                    context,
                    new AddNumbersCommand(
                            campaignId, numbers, contactNumbers.onDnc(context.accountId(), numbers), expected));
            return ResponseEntity.ok()
                    .eTag(ETags.of(added.revision()))
                    .body(new NumbersAddedResponse(
                            id, added.added(), added.duplicatesSkipped(), added.scrubbed(), added.revision()));
        });
    }

    private static ResponseEntity<?> accepted(CampaignId id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new CommandAccepted(id.value(), version));
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("No campaign " + id);
    }

    static CampaignId campaignId(long id) {
        if (id <= 0) {
            throw new ResourceNotFoundException("No campaign " + id);
        }
        return CampaignId.of(id);
    }
}
