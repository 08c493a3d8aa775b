package com.campaignledger.web.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** updateRatio's body: lines dialled per ready agent. */
public record DialRatioRequest(
        @NotNull @DecimalMin("1.0") @DecimalMax("4.0") Double ratio, String requestId) {}
