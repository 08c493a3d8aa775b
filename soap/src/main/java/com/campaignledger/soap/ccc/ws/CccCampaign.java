package com.campaignledger.soap.ccc.ws;

import com.campaignledger.soap.ccc.CccCampaigns;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's CccCampaign, its fields in the seed's order. {@code id}, {@code Status}, the dates and
 * {@code AgentGroupName} are the ledger's to set: in a request they are not read, so a campaign read can be sent back.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "CccCampaign",
        propOrder = {
            "name",
            "status",
            "created",
            "lastModified",
            "localRestrictBegin",
            "localRestrictEnd",
            "configUpdated",
            "script",
            "questions",
            "transferNumbers",
            "fromNumber",
            "retryConfig",
            "agentGroupId",
            "agentGroupName",
            "smartDropSoundId",
            "smartDropSoundRef",
            "allowAnyTransfer",
            "transferCallerId",
            "recorded",
            "multilineDialingRatio",
            "multilineDialingEnabled",
            "scrubLevel",
            "numberOfRings",
            "labels"
        })
public class CccCampaign {

    @XmlAttribute(name = "id")
    Long id;

    @XmlElement(name = "Name")
    String name;

    @XmlElement(name = "Status")
    String status;

    @XmlElement(name = "Created")
    @XmlSchemaType(name = "dateTime")
    String created;

    @XmlElement(name = "LastModified")
    @XmlSchemaType(name = "dateTime")
    String lastModified;

    @XmlElement(name = "LocalRestrictBegin")
    @XmlSchemaType(name = "time")
    String localRestrictBegin;

    @XmlElement(name = "LocalRestrictEnd")
    @XmlSchemaType(name = "time")
    String localRestrictEnd;

    @XmlElement(name = "ConfigUpdated")
    @XmlSchemaType(name = "dateTime")
    String configUpdated;

    @XmlElement(name = "Script")
    String script;

    @XmlElement(name = "Question")
    List<Question> questions;

    @XmlElement(name = "TransferNumber")
    List<TransferNumber> transferNumbers;

    @XmlElement(name = "FromNumber")
    String fromNumber;

    @XmlElement(name = "RetryConfig")
    RetryConfig retryConfig;

    @XmlElement(name = "AgentGroupId")
    Long agentGroupId;

    @XmlElement(name = "AgentGroupName")
    String agentGroupName;

    @XmlElement(name = "SmartDropSoundId")
    Long smartDropSoundId;

    @XmlElement(name = "SmartDropSoundRef")
    @XmlSchemaType(name = "anyURI")
    String smartDropSoundRef;

    @XmlElement(name = "AllowAnyTransfer")
    Boolean allowAnyTransfer;

    @XmlElement(name = "TransferCallerId")
    String transferCallerId;

    @XmlElement(name = "Recorded")
    Boolean recorded;

    @XmlElement(name = "MultilineDialingRatio")
    Integer multilineDialingRatio;

    @XmlElement(name = "MultilineDialingEnabled")
    Boolean multilineDialingEnabled;

    @XmlElement(name = "ScrubLevel")
    Integer scrubLevel;

    @XmlElement(name = "NumberOfRings")
    Integer numberOfRings;

    @XmlElement(name = "Label")
    List<String> labels;

    /** A question the agent answers on each call; {@code Choices} are the answers of a CHOICE question. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(
            name = "Question",
            propOrder = {"label", "responseType", "choices"})
    public static class Question {
        @XmlElement(name = "Label")
        String label;

        @XmlElement(name = "ResponseType")
        String responseType;

        @XmlElement(name = "Choices")
        List<String> choices;
    }

    /** A number an agent may transfer a call to. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(
            name = "TransferNumber",
            propOrder = {"name", "number", "allowAssistedTransfer"})
    public static class TransferNumber {
        @XmlElement(name = "Name")
        String name;

        @XmlElement(name = "Number")
        String number;

        @XmlElement(name = "AllowAssistedTransfer")
        Boolean allowAssistedTransfer;
    }

    /** When a number is called again; the result and phone-type lists are space-separated, as CallFire's. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(
            name = "RetryConfig",
            propOrder = {"maxAttempts", "minutesBetweenAttempts", "retryResults", "retryPhoneTypes"})
    public static class RetryConfig {
        @XmlElement(name = "MaxAttempts")
        Integer maxAttempts;

        @XmlElement(name = "MinutesBetweenAttempts")
        Integer minutesBetweenAttempts;

        @XmlList
        @XmlElement(name = "RetryResults")
        List<String> retryResults;

        @XmlList
        @XmlElement(name = "RetryPhoneTypes")
        List<String> retryPhoneTypes;
    }

    /** The configuration this campaign element sends; what was left out is null. */
    CccCampaigns.Configuration configuration() {
        return new CccCampaigns.Configuration(
                name,
                localRestrictBegin,
                localRestrictEnd,
                script,
                questions == null
                        ? null
                        : questions.stream()
                                .map(q -> new CccCampaigns.Question(q.label, q.responseType, q.choices))
                                .toList(),
                transferNumbers == null
                        ? null
                        : transferNumbers.stream()
                                .map(t -> new CccCampaigns.TransferNumber(t.name, t.number, t.allowAssistedTransfer))
                                .toList(),
                fromNumber,
                retryConfig == null
                        ? null
                        : new CccCampaigns.RetryConfig(
                                retryConfig.maxAttempts,
                                retryConfig.minutesBetweenAttempts,
                                retryConfig.retryResults,
                                retryConfig.retryPhoneTypes),
                agentGroupId,
                smartDropSoundId,
                smartDropSoundRef,
                allowAnyTransfer,
                transferCallerId,
                recorded,
                multilineDialingEnabled,
                multilineDialingRatio,
                scrubLevel,
                numberOfRings,
                labels);
    }

    static CccCampaign of(CccCampaigns.Campaign campaign) {
        CccCampaigns.Configuration c = campaign.configuration();
        CccCampaign wire = new CccCampaign();
        wire.id = campaign.id();
        wire.name = c.name();
        wire.status = campaign.status();
        wire.created = campaign.created();
        wire.lastModified = campaign.lastModified();
        wire.localRestrictBegin = time(c.localRestrictBegin());
        wire.localRestrictEnd = time(c.localRestrictEnd());
        wire.configUpdated = campaign.configUpdated();
        wire.script = c.script();
        wire.questions = new ArrayList<>();
        if (c.questions() != null) {
            c.questions().forEach(q -> {
                Question question = new Question();
                question.label = q.label();
                question.responseType = q.responseType();
                question.choices = q.choices();
                wire.questions.add(question);
            });
        }
        wire.transferNumbers = new ArrayList<>();
        if (c.transferNumbers() != null) {
            c.transferNumbers().forEach(t -> {
                TransferNumber transfer = new TransferNumber();
                transfer.name = t.name();
                transfer.number = t.number();
                transfer.allowAssistedTransfer = t.allowAssistedTransfer();
                wire.transferNumbers.add(transfer);
            });
        }
        wire.fromNumber = c.fromNumber();
        if (c.retryConfig() != null) {
            wire.retryConfig = new RetryConfig();
            wire.retryConfig.maxAttempts = c.retryConfig().maxAttempts();
            wire.retryConfig.minutesBetweenAttempts = c.retryConfig().minutesBetweenAttempts();
            wire.retryConfig.retryResults = c.retryConfig().retryResults();
            wire.retryConfig.retryPhoneTypes = c.retryConfig().retryPhoneTypes();
        }
        wire.agentGroupId = c.agentGroupId();
        wire.agentGroupName = campaign.agentGroupName();
        wire.smartDropSoundId = c.smartDropSoundId();
        wire.smartDropSoundRef = c.smartDropSoundRef();
        wire.allowAnyTransfer = c.allowAnyTransfer();
        wire.transferCallerId = c.transferCallerId();
        wire.recorded = c.recorded();
        wire.multilineDialingRatio = c.multilineDialingRatio();
        wire.multilineDialingEnabled = c.multilineDialingEnabled();
        wire.scrubLevel = c.scrubLevel();
        wire.numberOfRings = c.numberOfRings();
        wire.labels = c.labels();
        return wire;
    }

    /** xs:time has seconds; the ledger shows a time of day as sent ({@code 09:00}). */
    private static String time(String timeOfDay) {
        return timeOfDay != null && timeOfDay.length() == 5 ? timeOfDay + ":00" : timeOfDay;
    }
}
