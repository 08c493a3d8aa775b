package com.campaignledger.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the agent endpoints (seed 003's parameters, in camelCase). */
final class AgentRequests {

    private AgentRequests() {
    }

    /** sendAgentCallBack / sendAgentCallBackWithMusicSetting. */
    record Callback(@NotBlank @Size(max = 200) String userId, @NotBlank @Size(max = 40) String phoneNumber,
                    @Size(max = 200) String musicOnHold, String requestId) {
    }

    /** loginAgent. */
    record Login(@NotBlank @Size(max = 200) String userId, String requestId) {
    }

    /** storeAgentResponse / answeringMachineTransferStoreAgentResponse. */
    record Response(@NotBlank @Size(max = 100) String callId, @Size(max = 1000) String agentResponse,
                    @Size(max = 4000) String agentNotes, Boolean lastCall, Boolean answeringMachineTransfer,
                    String requestId) {
    }
}
