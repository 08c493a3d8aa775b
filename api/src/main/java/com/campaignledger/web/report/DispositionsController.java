package com.campaignledger.web.report;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.dispositions.DispositionCount;
import com.campaignledger.projections.dispositions.DispositionKind;
import com.campaignledger.projections.dispositions.DispositionsRepository;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dispositions per hour of a campaign: how many dial attempts ended with each result, and how many times agents
 * recorded each answer, hour by hour (UTC). A report added after the history it covers, built from all of it.
 */
@RestController
class DispositionsController {

    private final CampaignLookup campaigns;
    private final DispositionsRepository dispositions;

    DispositionsController(CampaignLookup campaigns, DispositionsRepository dispositions) {
        this.campaigns = campaigns;
        this.dispositions = dispositions;
    }

    /** One hour of the report. */
    record Hour(Instant hour, Map<String, Long> callResults, Map<String, Long> agentResponses, long total) {}

    /** As CSV: one line per hour, kind and disposition, in the order the counts were read. */
    record DispositionsResponse(long campaignId, List<Hour> hours) implements CsvTable<Row> {

        @Override
        public Class<Row> csvRowType() {
            return Row.class;
        }

        @Override
        public Stream<Row> csvRows() {
            List<Row> rows = new ArrayList<>();
            for (Hour h : hours) {
                String hour = h.hour().toString();
                // Kinds by name, as the repository orders them.
                h.agentResponses().forEach((d, n) -> rows.add(new Row(hour, DispositionKind.AGENT_RESPONSE, d, n)));
                h.callResults().forEach((d, n) -> rows.add(new Row(hour, DispositionKind.CALL_RESULT, d, n)));
            }
            return rows.stream();
        }

        @Override
        public String csvFilename() {
            return "campaign-" + campaignId + "-dispositions.csv";
        }
    }

    /** One line of the CSV export. */
    @JsonPropertyOrder({"hour", "kind", "disposition", "count"})
    record Row(String hour, DispositionKind kind, String disposition, long count) {}

    @GetMapping(
            path = "/api/campaigns/{id}/reports/dispositions",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    DispositionsResponse dispositions(
            @PathVariable long id,
            @Parameter(description = "Only hours starting at or after this instant") @RequestParam(required = false)
                    Instant from,
            @Parameter(description = "Only hours starting before this instant") @RequestParam(required = false)
                    Instant to,
            RequestContext context) {
        QueryParameters.checkInterval(from, to);
        String account = context.accountId();
        campaigns.find(id, account).orElseThrow(() -> new ResourceNotFoundException("No campaign " + id));
        List<DispositionCount> counts = dispositions.countsPerHour(id, account, from, to);
        List<Hour> hours = new ArrayList<>();
        Map<String, Long> results = null;
        Map<String, Long> responses = null;
        Instant current = null;
        long total = 0;
        for (DispositionCount c : counts) {
            if (!c.hour().equals(current)) {
                if (current != null) {
                    hours.add(new Hour(current, results, responses, total));
                }
                current = c.hour();
                results = new LinkedHashMap<>();
                responses = new LinkedHashMap<>();
                total = 0;
            }
            (c.kind() == DispositionKind.CALL_RESULT ? results : responses).put(c.disposition(), c.count());
            total += c.count();
        }
        if (current != null) {
            hours.add(new Hour(current, results, responses, total));
        }
        return new DispositionsResponse(id, hours);
    }
}
