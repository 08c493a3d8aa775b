package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CallRecorded;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.CallIds;
import com.campaignledger.dialer.window.CallingWindow;
import com.campaignledger.dnc.directory.DncQueries;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestValidationException;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The external dialer's intake: a real telephony platform reports each dial attempt's outcome here. */
@RestController
class CallController {

    /** How far ahead of the ledger's clock a reported call may have started. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private final CommandExecutor executor;
    private final CallIds callIds;
    private final CallFlowClock clock;
    private final DncQueries dnc;
    private final CallingWindow window;

    CallController(
            CommandExecutor executor, CallIds callIds, CallFlowClock clock, DncQueries dnc, CallingWindow window) {
        this.executor = executor;
        this.callIds = callIds;
        this.clock = clock;
        this.dnc = dnc;
        this.window = window;
    }

    /**
     * Records a dial attempt on a RUNNING campaign; the number must be on its list. The Campaign aggregate checks
     * the account, the status and the number, so a call costs no read of the campaign view (which also lags a
     * START by a few milliseconds). An attempt to a number on a DNC list, or outside its calling window in its own
     * time zone, is recorded all the same, with its violation.
     */
    @PostMapping("/api/campaigns/{campaignId}/calls")
    ResponseEntity<?> record(
            @PathVariable long campaignId, @Valid @RequestBody CallReport body, CommandRequest command) {
        String number = PhoneNumbers.toE164(body.number())
                .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        int seconds = body.durationSeconds() == null ? 0 : body.durationSeconds();
        // A dialer's clock may run a little ahead of ours; a call that has not happened yet is a client bug.
        if (body.startTime() != null && body.startTime().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new RequestValidationException(
                    "startTime", "must not be more than " + MAX_CLOCK_SKEW.toSeconds() + " s in the future");
        }
        return executor.execute(command, body.requestId(), body, ctx -> {
            String callId = body.callId() != null ? body.callId() : callIds.next();
            Instant start = body.startTime() != null
                    ? body.startTime()
                    : clock.instant().minusSeconds(seconds);
            CallRecorded recorded = executor.send(
                    ctx,
                    new RecordCallResultCommand(
                            CampaignId.of(campaignId),
                            callId,
                            number,
                            body.result(),
                            body.attempt(),
                            start,
                            seconds,
                            body.agentId(),
                            true,
                            dnc.onDnc(ctx.accountId(), number),
                            window.zoneOf(number)));
            return ResponseEntity.ok(new CallRecordedResponse(
                    callId,
                    number,
                    recorded.attempt(),
                    recorded.finalForNumber(),
                    recorded.retryAt(),
                    recorded.campaignFinished()));
        });
    }
}
