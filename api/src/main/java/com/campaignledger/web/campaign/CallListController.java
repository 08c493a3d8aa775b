package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.AddNumbersCommand;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.NumbersAdded;
import com.campaignledger.campaign.api.RemoveNumberCommand;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.calllist.NumberStates;
import com.campaignledger.dialer.leads.LeadClaims;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.ETags;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's call list beyond the JSON upload: what an external dialer may call now (VICIdial's "hopper"), every
 * number with where it stands, removing one, and numbers uploaded as CSV. The rules of what may be dialled are the
 * dialer module's (LeadClaims), the same for the simulated dialer.
 */
@RestController
class CallListController {

    static final int MAX_CLAIM = 1000;
    static final int MAX_LEASE_SECONDS = 3600;

    /** A claim: how many numbers, leased for how long (60 s when left out). */
    record ClaimRequest(Integer count, Integer leaseSeconds) {}

    record ClaimResponse(long campaignId, List<LeadClaims.Lead> leads) {}

    private final CampaignLookup campaigns;
    private final LeadClaims claims;
    private final NumberStates numbers;
    private final CallFlowClock clock;
    private final CommandExecutor executor;
    private final ContactNumbers contactNumbers;
    private final int maxPageSize;

    CallListController(
            CampaignLookup campaigns,
            LeadClaims claims,
            NumberStates numbers,
            CallFlowClock clock,
            CommandExecutor executor,
            ContactNumbers contactNumbers,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.executor = executor;
        this.contactNumbers = contactNumbers;
        this.campaigns = campaigns;
        this.claims = claims;
        this.numbers = numbers;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
    }

    @PostMapping("/api/campaigns/{id}/leads/claim")
    ClaimResponse claim(@PathVariable long id, @RequestBody ClaimRequest body, RequestContext context) {
        int count = body.count() == null ? 1 : body.count();
        int lease = body.leaseSeconds() == null ? 60 : body.leaseSeconds();
        if (count < 1 || count > MAX_CLAIM) {
            throw new RequestValidationException("count", "must be between 1 and " + MAX_CLAIM);
        }
        if (lease < 1 || lease > MAX_LEASE_SECONDS) {
            throw new RequestValidationException("leaseSeconds", "must be between 1 and " + MAX_LEASE_SECONDS);
        }
        campaigns.requireStatus(id, context.accountId(), EnumSet.of(CampaignStatus.RUNNING), "claim numbers of");
        return new ClaimResponse(
                id, claims.claim(id, count, Duration.ofSeconds(lease), context.actor(), clock.instant()));
    }

    @GetMapping(
            path = "/api/campaigns/{id}/numbers",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object numbers(
            @PathVariable long id,
            @RequestParam(required = false) NumberStates.State state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context,
            HttpServletRequest request) {
        QueryParameters.checkPage(page, size, maxPageSize);
        campaigns.require(id, context.accountId());
        Instant now = clock.instant();
        if (CsvExport.requested(request)) {
            return new CsvExport<>(
                    NumberCsvRow.class,
                    () -> CsvExport.<NumberStates.CampaignNumber>batches(last ->
                                    numbers.after(id, state, last == null ? "" : last.number(), CsvExport.BATCH, now))
                            .map(NumberCsvRow::of),
                    "campaign-" + id + "-numbers.csv");
        }
        return numbers.page(id, state, page, size, now);
    }

    @DeleteMapping("/api/campaigns/{id}/numbers/{number}")
    ResponseEntity<?> remove(@PathVariable long id, @PathVariable String number, CommandRequest command) {
        String e164 = PhoneNumbers.toE164(number)
                .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        return executor.execute(command, null, null, context -> {
            executor.send(context, new RemoveNumberCommand(CampaignId.of(id), e164));
            return ResponseEntity.noContent().build();
        });
    }

    /**
     * Numbers as CSV (seed 002's CreateContactBatch spirit): a {@code number} column, every other column becomes the
     * number's extraData. The same rules and answer as the JSON upload; a bad row is named by its line, and refuses
     * the whole upload.
     */
    @PostMapping(path = "/api/campaigns/{id}/numbers", consumes = "text/csv")
    @Hidden // documented with the JSON upload of the same path (one operation per path and method)
    ResponseEntity<?> addNumbersCsv(
            @PathVariable long id,
            HttpServletRequest request,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch)
            throws IOException {
        List<NumberRequest> rows = NumbersCsv.read(request.getReader());
        List<ContactNumber> numbers;
        try {
            numbers = contactNumbers.normalize(rows, "");
        } catch (RequestValidationException e) {
            throw new RequestValidationException(NumbersCsv.byLine(e.violations()));
        }
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, rows, context -> {
            NumbersAdded added = executor.send(
                    context,
                    new AddNumbersCommand(
                            CampaignId.of(id), numbers, contactNumbers.onDnc(context.accountId(), numbers), expected));
            return ResponseEntity.ok()
                    .eTag(ETags.of(added.revision()))
                    .body(new NumbersAddedResponse(
                            id, added.added(), added.duplicatesSkipped(), added.scrubbed(), added.revision()));
        });
    }
}
