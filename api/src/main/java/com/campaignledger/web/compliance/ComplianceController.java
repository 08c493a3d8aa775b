package com.campaignledger.web.compliance;

import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.projections.compliance.ComplianceRecord;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance record (SPEC 3.7 and 4): what an auditor reads to see that a campaign kept its drops within 3 % of
 * its live answers over every 30 days, and which attempts broke the DNC or calling-window rules. UTC days.
 */
@RestController
class ComplianceController {

    /** The longest period one answer covers. */
    static final int MAX_DAYS = 366;

    private final ComplianceQueries queries;
    private final CampaignLookup campaigns;
    private final CallFlowClock clock;

    ComplianceController(ComplianceQueries queries, CampaignLookup campaigns, CallFlowClock clock) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping(
            path = "/api/campaigns/{id}/compliance",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object campaign(
            @PathVariable long id,
            @Parameter(description = "First UTC day (ISO date)") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "Last UTC day (ISO date)") @RequestParam(required = false) LocalDate to,
            RequestContext context,
            HttpServletRequest request) {
        campaigns.require(id, context.accountId());
        LocalDate last = to != null ? to : today();
        LocalDate first = checked(from != null ? from : last.minusDays(ComplianceRecord.ROLLING_DAYS - 1L), last);
        ComplianceRecord.CampaignRecord record = queries.campaign(id, context.accountId(), first, last);
        if (CsvExport.requested(request)) {
            return new CsvExport<>(
                    ComplianceRecord.Day.class, () -> record.daily().stream(), "campaign-" + id + "-compliance.csv");
        }
        return record;
    }

    @GetMapping(
            path = "/api/compliance",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object account(
            @Parameter(description = "First UTC day (ISO date)") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "Last UTC day (ISO date)") @RequestParam(required = false) LocalDate to,
            RequestContext context,
            HttpServletRequest request) {
        LocalDate last = to != null ? to : today();
        LocalDate first = checked(from != null ? from : last.minusDays(ComplianceRecord.ROLLING_DAYS - 1L), last);
        ComplianceRecord.AccountRecord record = queries.account(context.accountId(), first, last);
        if (CsvExport.requested(request)) {
            return new CsvExport<>(
                    ComplianceRecord.CampaignPeriod.class, () -> record.campaigns().stream(), "compliance.csv");
        }
        return record;
    }

    /** Today in the call flow's time (UTC). */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static LocalDate checked(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new RequestValidationException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new RequestValidationException("from", "must be at most " + MAX_DAYS + " days before to");
        }
        return from;
    }
}
