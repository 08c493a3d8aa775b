package com.campaignledger.campaign.api;

import java.time.LocalTime;
import java.util.List;

/**
 * Everything a back office configures on a CCC campaign: seed 000's CccCampaign fields plus
 * PredictiveService's passcode, disposition lists and answering-machine sound.
 * <p>
 * Phone numbers are E.164 ({@code +12135551212}) or, for {@code fromNumber}, a 5–6 digit short code;
 * the edge normalises what integrators send. The passcode is kept only as a hash: events are kept for
 * ever and shown to auditors, so no event carries it in clear.
 */
public record CampaignSettings(
        String name,
        LocalTime localRestrictBegin,
        LocalTime localRestrictEnd,
        String script,
        List<Question> questions,
        List<TransferNumber> transferNumbers,
        String fromNumber,
        RetryConfig retryConfig,
        Long agentGroupId,
        String agentGroupName,
        Long smartDropSoundId,
        String smartDropSoundRef,
        Boolean allowAnyTransfer,
        String transferCallerId,
        Boolean recorded,
        Boolean multilineDialingEnabled,
        Integer multilineDialingRatio,
        Integer scrubLevel,
        Integer numberOfRings,
        List<String> labels,
        String passcodeHash,
        List<DispositionList> dispositionLists,
        Long answeringMachineSoundId,
        Pacing pacing,
        Double targetDropRate,
        Double maxRatio) {

    public static final int DEFAULT_MULTILINE_DIALING_RATIO = 1;
    public static final int DEFAULT_NUMBER_OF_RINGS = 4;
    /** ADAPTIVE pacing's default target: the legal limit itself. */
    public static final double DEFAULT_TARGET_DROP_RATE = 0.03;
    /** ADAPTIVE pacing's default ceiling: seed 000's multiline limit. */
    public static final double DEFAULT_MAX_RATIO = 4.0;

    /** Lists are never null and CallFire's defaults fill what was left out. */
    public CampaignSettings {
        questions = questions == null ? List.of() : List.copyOf(questions);
        transferNumbers = transferNumbers == null ? List.of() : List.copyOf(transferNumbers);
        retryConfig = retryConfig == null ? RetryConfig.DEFAULT : retryConfig;
        allowAnyTransfer = allowAnyTransfer != null && allowAnyTransfer;
        recorded = recorded != null && recorded;
        multilineDialingEnabled = multilineDialingEnabled != null && multilineDialingEnabled;
        multilineDialingRatio = multilineDialingRatio == null ? DEFAULT_MULTILINE_DIALING_RATIO : multilineDialingRatio;
        numberOfRings = numberOfRings == null ? DEFAULT_NUMBER_OF_RINGS : numberOfRings;
        labels = labels == null ? List.of() : List.copyOf(labels);
        dispositionLists = dispositionLists == null ? List.of() : List.copyOf(dispositionLists);
        pacing = pacing == null ? Pacing.FIXED : pacing;
        targetDropRate = targetDropRate == null ? DEFAULT_TARGET_DROP_RATE : targetDropRate;
        maxRatio = maxRatio == null ? DEFAULT_MAX_RATIO : maxRatio;
    }

    /** A campaign with only a name, everything else at its default (seed 000's minimal example). */
    public static CampaignSettings named(String name) {
        return new CampaignSettings(
                name, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** What breaks the rules of a campaign's configuration; empty when it is valid. */
    public List<Violation> violations() {
        return CampaignSettingsRules.check(this);
    }

    /** This configuration with the patch's fields replaced. */
    public CampaignSettings with(CampaignPatch patch) {
        return patch.applyTo(this);
    }
}
