package com.campaignledger.web.campaign;

import jakarta.validation.constraints.NotNull;

/** ControlCccCampaign's body: {@code {"command": "START"}}. */
public record ControlRequest(@NotNull ControlCommand command, String requestId) {

    /** What ControlCccCampaign can ask. */
    public enum ControlCommand {
        START,
        STOP,
        ARCHIVE
    }
}
