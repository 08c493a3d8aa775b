package com.campaignledger.web.history;

import com.campaignledger.agent.registry.api.AgentGroupId;
import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.history.AggregateHistoryRepository;
import com.campaignledger.projections.history.HistoryCsvRow;
import com.campaignledger.projections.history.HistoryEntries;
import com.campaignledger.projections.history.HistoryPage;
import com.campaignledger.projections.history.HistoryRecord;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of the agent registry: every change to one agent or agent group (registered, updated, disabled,
 * renamed, members added or removed, deleted), with who made it and under which request. Disabled agents and deleted
 * groups keep theirs; another account's ids are not found.
 */
@RestController
class RegistryHistoryController {

    private final AggregateHistoryRepository history;
    private final HistoryEntries entries;
    private final int maxPageSize;

    RegistryHistoryController(
            AggregateHistoryRepository history,
            HistoryEntries entries,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.history = history;
        this.entries = entries;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping(
            path = "/api/agents/{id}/history",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object agent(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context,
            HttpServletRequest request) {
        return page(id, id > 0 ? AgentId.of(id).toString() : null, "agent", page, size, context, request);
    }

    @GetMapping(
            path = "/api/agent-groups/{id}/history",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object group(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context,
            HttpServletRequest request) {
        return page(id, id > 0 ? AgentGroupId.of(id).toString() : null, "agent group", page, size, context, request);
    }

    private Object page(
            long id,
            String aggregate,
            String what,
            int page,
            int size,
            RequestContext context,
            HttpServletRequest request) {
        QueryParameters.checkPage(page, size, maxPageSize);
        String account = context.accountId();
        if (aggregate == null
                || !history.accountOf(aggregate).map(account::equals).orElse(false)) {
            throw new ResourceNotFoundException("No " + what + " " + id);
        }
        if (CsvExport.requested(request)) {
            return new CsvExport<>(
                    HistoryCsvRow.class,
                    () -> CsvExport.<HistoryRecord>batches(last -> history.after(
                                    aggregate, last == null ? -1 : last.sequenceNumber(), CsvExport.BATCH))
                            .map(r -> HistoryCsvRow.of(entries.of(r))),
                    aggregate + "-history.csv");
        }
        HistoryPage found = history.find(aggregate, page, size);
        long totalPages = (found.totalElements() + size - 1) / size;
        return new RegistryHistoryResponse(
                id,
                aggregate,
                found.content().stream().map(entries::of).toList(),
                page,
                size,
                found.totalElements(),
                totalPages);
    }
}
