package com.campaignledger.web.report;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.calls.CallQueries;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's QueryCalls and GetCall: every dial attempt of the account's campaigns, with the agent's response. */
@RestController
class CallsController {

    private final CallQueries calls;
    private final int maxPageSize;

    CallsController(CallQueries calls, @Value("${ledger.max-page-size}") int maxPageSize) {
        this.calls = calls;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping(
            path = "/api/calls",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object query(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) CallResult result,
            @Parameter(description = "The agent id a callback returned (the agent session)")
                    @RequestParam(required = false)
                    Long agentId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context,
            HttpServletRequest request) {
        QueryParameters.checkPage(page, size, maxPageSize);
        QueryParameters.checkInterval(from, to);
        String e164 = number == null
                ? null
                : PhoneNumbers.toE164(number)
                        .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        String resultName = result == null ? null : result.name();
        if (CsvExport.requested(request)) {
            CallQueries.Filter all =
                    new CallQueries.Filter(context.accountId(), campaignId, e164, resultName, agentId, from, to, 0, 0);
            return new CsvExport<>(
                    CallCsvRow.class,
                    () -> CsvExport.<CallQueries.Call>batches(last -> calls.after(all, last, CsvExport.BATCH))
                            .map(CallCsvRow::of),
                    "calls.csv");
        }
        return calls.query(new CallQueries.Filter(
                context.accountId(), campaignId, e164, resultName, agentId, from, to, page, size));
    }

    @GetMapping("/api/calls/{callId}")
    CallQueries.Call call(@PathVariable String callId, RequestContext context) {
        return calls.find(context.accountId(), callId)
                .orElseThrow(() -> new ResourceNotFoundException("No call " + callId));
    }
}
