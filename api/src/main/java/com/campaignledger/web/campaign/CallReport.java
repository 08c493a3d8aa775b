package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CallResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A dial attempt reported by an external dialer: which number, its result, when it started and how long
 * it lasted, optionally the attempt's number, the agent of a live call and the dialer's own call id.
 */
public record CallReport(
        @NotBlank @Size(max = 40) String number,
        @NotNull CallResult result,
        @Min(1) @Max(10) Integer attempt,
        Instant startTime,
        @Min(0) @Max(86_400) Integer durationSeconds,
        @Min(1) Long agentId,
        @Size(min = 1, max = 100) String callId,
        String requestId) {}
