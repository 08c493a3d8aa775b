package com.campaignledger.soap.ccc;

import java.util.List;

/**
 * CccService's campaign operations (seeds 000 and 002), as the application implements them with the REST rows'
 * commands and queries, for the credential that authenticated the current request. Field names are the REST body's.
 */
public interface CccCampaigns {

    /** A question the agent answers on each call. */
    record Question(String label, String responseType, List<String> choices) {}

    /** A number an agent may transfer a call to. */
    record TransferNumber(String name, String number, Boolean allowAssistedTransfer) {}

    /** When a number is called again. */
    record RetryConfig(
            Integer maxAttempts,
            Integer minutesBetweenAttempts,
            List<String> retryResults,
            List<String> retryPhoneTypes) {}

    /** Seed 000's CccCampaign configuration: what CreateCccCampaign sets and UpdateCccCampaign replaces. */
    record Configuration(
            String name,
            String localRestrictBegin,
            String localRestrictEnd,
            String script,
            List<Question> questions,
            List<TransferNumber> transferNumbers,
            String fromNumber,
            RetryConfig retryConfig,
            Long agentGroupId,
            Long smartDropSoundId,
            String smartDropSoundRef,
            Boolean allowAnyTransfer,
            String transferCallerId,
            Boolean recorded,
            Boolean multilineDialingEnabled,
            Integer multilineDialingRatio,
            Integer scrubLevel,
            Integer numberOfRings,
            List<String> labels) {}

    /** A campaign as GetCccCampaign shows it: its configuration and what the ledger keeps about it. */
    record Campaign(
            long id,
            String status,
            String created,
            String lastModified,
            String configUpdated,
            String agentGroupName,
            Configuration configuration) {}

    /** One page of QueryCccCampaigns, and how many campaigns match in all. */
    record Page(long totalResults, List<Campaign> campaigns) {}

    /** CreateCccCampaign: the new campaign's id; the same id again for a repeated {@code requestId}. */
    long create(String requestId, Configuration configuration);

    /** GetCccCampaign. */
    Campaign get(long campaignId);

    /** QueryCccCampaigns: {@code max} campaigns from the {@code first}, by name, status and label when given. */
    Page query(String name, String status, String label, int first, int max);

    /** UpdateCccCampaign: the configuration sent replaces the campaign's, all but its name. */
    void update(String requestId, long campaignId, Configuration configuration);

    /** ControlCccCampaign: START, STOP or ARCHIVE. */
    void control(String requestId, long campaignId, String command);

    /** DeleteCccCampaign: the campaign leaves the lists; its history stays. */
    void delete(long campaignId);

    /** DeleteCccCampaignTransferNumbers. */
    void deleteTransferNumbers(long campaignId);

    /** DeleteCccCampaignQuestions. */
    void deleteQuestions(long campaignId);
}
