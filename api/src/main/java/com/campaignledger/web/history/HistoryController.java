package com.campaignledger.web.history;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.history.CampaignHistoryRepository;
import com.campaignledger.projections.history.HistoryCsvRow;
import com.campaignledger.projections.history.HistoryEntries;
import com.campaignledger.projections.history.HistoryEntry;
import com.campaignledger.projections.history.HistoryPage;
import com.campaignledger.projections.history.HistoryQuery;
import com.campaignledger.projections.history.HistoryRecord;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of a campaign: every event of the campaign and of its agent sessions, in the order the event
 * store holds them, with who caused each one and under which request. Read through the campaign_history index
 * (filters and paging in SQL) from the event store itself (payloads and metadata as stored).
 */
@RestController
class HistoryController {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z]{1,100}");

    private final CampaignLookup campaigns;
    private final CampaignHistoryRepository history;
    private final HistoryEntries entries;
    private final int maxPageSize;

    HistoryController(
            CampaignLookup campaigns,
            CampaignHistoryRepository history,
            HistoryEntries entries,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.campaigns = campaigns;
        this.history = history;
        this.entries = entries;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping(
            path = "/api/campaigns/{id}/history",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object history(
            @PathVariable long id,
            @Parameter(description = "Only events at or after this instant", example = "2026-03-24T14:00:00Z")
                    @RequestParam(required = false)
                    Instant from,
            @Parameter(description = "Only events before this instant", example = "2026-03-24T15:00:00Z")
                    @RequestParam(required = false)
                    Instant to,
            @Parameter(description = "Only events of this type", example = "CampaignUpdated")
                    @RequestParam(required = false)
                    String type,
            @Parameter(description = "Only events caused by this login", example = "backoffice")
                    @RequestParam(required = false)
                    String actor,
            @Parameter(description = "Only events after this position (the previous page's nextAfter)")
                    @RequestParam(required = false)
                    Long after,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            RequestContext context,
            HttpServletRequest request) {
        validate(from, to, type, actor, after, page, size);
        String account = context.accountId();
        // Deleted campaigns keep their history; another account's campaign is not found.
        campaigns.find(id, account).orElseThrow(() -> new ResourceNotFoundException("No campaign " + id));
        if (CsvExport.requested(request)) {
            return new CsvExport<>(
                    HistoryCsvRow.class,
                    () -> CsvExport.<HistoryRecord>batches(last -> history.rows(new HistoryQuery(
                                    id,
                                    account,
                                    from,
                                    to,
                                    type,
                                    actor,
                                    last == null ? after : Long.valueOf(last.position()),
                                    0,
                                    CsvExport.BATCH)))
                            .map(r -> HistoryCsvRow.of(entries.of(r))),
                    "campaign-" + id + "-history.csv");
        }
        HistoryPage found = history.find(new HistoryQuery(id, account, from, to, type, actor, after, page, size));
        List<HistoryEntry> content = found.content().stream().map(entries::of).toList();
        Long nextAfter =
                content.size() == size ? content.get(content.size() - 1).position() : null;
        long totalPages = (found.totalElements() + size - 1) / size;
        return new HistoryResponse(id, content, page, size, found.totalElements(), totalPages, nextAfter);
    }

    private void validate(Instant from, Instant to, String type, String actor, Long after, int page, int size) {
        QueryParameters.checkInterval(from, to);
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            throw new RequestValidationException(
                    "type", "must be an event type such as CampaignUpdated (letters only)");
        }
        if (actor != null && (actor.isBlank() || actor.length() > 255)) {
            throw new RequestValidationException("actor", "must be 1 to 255 characters");
        }
        if (after != null && after < 0) {
            throw new RequestValidationException("after", "must not be negative");
        }
        QueryParameters.checkPage(page, size, maxPageSize);
    }
}
