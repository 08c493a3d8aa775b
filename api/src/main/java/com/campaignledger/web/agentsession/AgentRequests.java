package com.campaignledger.web.agentsession;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The bodies of the agent endpoints (seed 003's parameters, in camelCase). */
final class AgentRequests {

    private AgentRequests() {}

    /** sendAgentCallBack / sendAgentCallBackWithMusicSetting. */
    record Callback(
            @NotBlank @Size(max = 200) String userId,
            @NotBlank @Size(max = 40) String phoneNumber,
            @Size(max = 200) String musicOnHold,
            String requestId) {}

    /** loginAgent. */
    record Login(@NotBlank @Size(max = 200) String userId, String requestId) {}

    /** An external dialer connects a live call: the number answered, and optionally the dialer's own call id. */
    record Connect(
            @NotBlank @Size(max = 40) String number,
            @Size(min = 1, max = 100) String callId,
            String requestId) {}

    /**
     * storeAgentResponse / answeringMachineTransferStoreAgentResponse. {@code storedData} is seed 001's stored-data:
     * the answers the agent stored for the call, question → answer; the session checks its limits.
     */
    record Response(
            @NotBlank @Size(max = 100) String callId,
            @Size(max = 1000) String agentResponse,
            @Size(max = 4000) String agentNotes,
            Boolean lastCall,
            Boolean answeringMachineTransfer,

            @Schema(
                    description = "The answers stored for the call, question → answer (seed 001's "
                            + "`<stored-data>`): at most 50, names up to 100 characters, answers up to 1000",
                    example = "{\"bigconcern\": \"economy\", \"willvote\": \"yes\"}")
            Map<String, String> storedData,

            String requestId) {}
}
