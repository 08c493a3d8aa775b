package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.DispositionList;
import com.campaignledger.campaign.api.Question;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.campaign.api.TransferNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Documentation only: the body of create and update (SPEC §3.1) as the OpenAPI document shows it. The
 * controller reads the raw JSON itself ({@link CampaignRequestReader}), because a partial update must know
 * which fields were sent and which were sent as {@code null}.
 */
@Schema(
        name = "CampaignFields",
        description = "A campaign's settings (CallFire's CccCampaign). On create `name` is "
                + "required; on update only the fields sent change and `null` clears one. Phone numbers are accepted as "
                + "`2135551212`, `12135551212` or `+1 (213) 555-1212` and stored as E.164.")
record CampaignFields(
        @Schema(
                description = "Required on create; 1-200 characters",
                example = "Test Broadcast Service (text to speech)",
                minLength = 1,
                maxLength = 200)
        String name,

        @Schema(
                description = "Earliest time of day to call a number, in the number's local time zone",
                example = "09:00",
                pattern = "^\\d{2}:\\d{2}(:\\d{2})?$")
        String localRestrictBegin,

        @Schema(
                description = "Latest time of day to call a number, in the number's local time zone",
                example = "20:00",
                pattern = "^\\d{2}:\\d{2}(:\\d{2})?$")
        String localRestrictEnd,

        @Schema(description = "The agent script", maxLength = 20_000)
        String script,

        @Schema(description = "Questions the agent answers on each call")
        List<Question> questions,

        @Schema(description = "Numbers an agent may transfer a call to")
        List<TransferNumber> transferNumbers,

        @Schema(
                description = "Caller id: a North-American number or a 5-6 digit short code",
                example = "\"9206596476\"")
        String fromNumber,

        @Schema(description = "When a number is called again (default: 1 attempt, 60 minutes apart)")
        RetryConfig retryConfig,

        @Schema(description = "An agent group of the account (/api/agent-groups); it is put on the campaign's roster")
        Long agentGroupId,

        @Schema(
                description = "The name of the agentGroupId group, following its renames",
                accessMode = Schema.AccessMode.READ_ONLY)
        String agentGroupName,

        Long smartDropSoundId,
        String smartDropSoundRef,
        Boolean allowAnyTransfer,
        String transferCallerId,
        Boolean recorded,
        Boolean multilineDialingEnabled,

        @Schema(
                description = "Lines per agent when multiline dialing is on",
                minimum = "1",
                maximum = "4",
                defaultValue = "1")
        Integer multilineDialingRatio,

        @Schema(minimum = "0") Integer scrubLevel,

        @Schema(minimum = "1", maximum = "20", defaultValue = "4")
        Integer numberOfRings,

        List<String> labels,

        @Schema(
                description = "Agents' passcode; stored only as a hash, never shown again",
                writeOnly = true,
                minLength = 1,
                maxLength = 64)
        String passcode,

        @Schema(description = "The answers an agent may record for a call")
        List<DispositionList> dispositionLists,

        Long answeringMachineSoundId,

        @Schema(
                description = "FIXED: dialRatio lines per ready agent; ADAPTIVE: the lines that keep the drop rate "
                        + "under targetDropRate (GET …/pacing)",
                defaultValue = "FIXED")
        com.campaignledger.campaign.api.Pacing pacing,

        @Schema(
                description = "ADAPTIVE pacing's target share of live answers dropped (0 to 0.03, the legal limit)",
                minimum = "0",
                maximum = "0.03",
                defaultValue = "0.03")
        Double targetDropRate,

        @Schema(
                description = "ADAPTIVE pacing's most lines per logged-in agent (seed 000's multiline limit)",
                minimum = "1",
                maximum = "4",
                defaultValue = "4")
        Double maxRatio,

        @Schema(description = "Create only: the numbers to call; duplicates are skipped")
        List<NumberRequest> numbers,

        @Schema(description = "CallFire's RequestId: an idempotency key, like the Idempotency-Key header")
        String requestId) {}
