package com.campaignledger.notifications.payload;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.RetryPhoneType;
import com.campaignledger.notifications.api.BroadcastFacts;
import com.campaignledger.notifications.api.CallFacts;
import com.campaignledger.notifications.api.CampaignConfigFacts;
import com.campaignledger.notifications.api.CampaignCounters;
import com.campaignledger.notifications.api.NotificationFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;
import org.codehaus.stax2.util.StreamWriter2Delegate;

/**
 * Writes every document a notification carries: seed 004's BroadcastNotification and CallFinished (XML or
 * JSON), seed 001's call-finished and campaign-finished postbacks, and the reportResponse a postback
 * subscription answers with. Well-formed XML, always: Jackson writes it, nothing is concatenated by hand.
 */
public final class NotificationDocuments {

    /** CCC campaigns are broadcasts of this type in CallFire's model. */
    static final String BROADCAST_TYPE = "CCC";

    private static final DateTimeFormatter LEGACY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S").withZone(ZoneOffset.UTC);

    private static final XmlMapper NOTIFICATION_XML = xmlMapper(true);
    private static final XMLOutputFactory XML_OUTPUT = repairingOutput();
    private static final XmlMapper POSTBACK_XML = xmlMapper(false);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private NotificationDocuments() {}

    /** The content type a document of this format is sent with. */
    public static String contentType(NotificationFormat format) {
        return switch (format) {
            case XML -> "application/xml";
            case JSON -> "application/json";
            case EMAIL -> "text/plain";
        };
    }

    /** Seed 004's BroadcastNotification for a campaign started, stopped or finished. */
    public static String broadcastNotification(
            NotificationFormat format, long subscriptionId, BroadcastFacts campaign) {
        CallFireDocuments.BroadcastNotification doc = new CallFireDocuments.BroadcastNotification(
                subscriptionId, accountId(campaign.accountId()), broadcast(campaign));
        return format == NotificationFormat.XML ? notificationXml(doc) : json("BroadcastNotification", doc);
    }

    /** Our COMPLIANCE_ALERT: the campaign and the 30 days whose drop rate passed the limit. */
    public static String complianceAlert(
            NotificationFormat format,
            long subscriptionId,
            BroadcastFacts campaign,
            com.campaignledger.notifications.api.ComplianceFacts facts) {
        CallFireDocuments.ComplianceAlert doc = new CallFireDocuments.ComplianceAlert(
                subscriptionId,
                accountId(campaign.accountId()),
                broadcast(campaign),
                facts.from().toString(),
                facts.to().toString(),
                facts.liveAnswers(),
                facts.drops(),
                facts.dropRate(),
                facts.projectedDropRate(),
                facts.limit());
        return format == NotificationFormat.XML ? notificationXml(doc) : json("ComplianceAlert", doc);
    }

    /** Seed 004's CallFinished for one finished outbound call. */
    public static String callFinished(
            NotificationFormat format, long subscriptionId, BroadcastFacts campaign, CallFacts call) {
        CallFireDocuments.CallRecord record = new CallFireDocuments.CallRecord(
                call.callId(),
                call.result().name(),
                time(call.finishTime()),
                time(call.startTime()),
                call.durationSeconds());
        CallFireDocuments.Call c = new CallFireDocuments.Call(
                call.callId(),
                digits(call.fromNumber()),
                digits(call.number()),
                "FINISHED",
                campaign.campaignId(),
                false,
                time(call.startTime()),
                time(call.recordedAt()),
                call.result().name(),
                record,
                call.agentCall());
        CallFireDocuments.CallFinished doc =
                new CallFireDocuments.CallFinished(subscriptionId, accountId(campaign.accountId()), c);
        return format == NotificationFormat.XML ? notificationXml(doc) : json("CallFinished", doc);
    }

    /** Seed 001's call-finished postback. */
    public static String legacyCallFinished(BroadcastFacts campaign, CallFacts call) {
        var agent = call.agent();
        // The answers in the order the agent stored them, one <var name="question">answer</var> each.
        List<PostbackDocuments.Var> stored = agent == null
                ? List.of()
                : agent.storedData().entrySet().stream()
                        .map(e -> new PostbackDocuments.Var(e.getKey(), e.getValue()))
                        .toList();
        String agentId = agent != null && agent.agentId() != null
                ? agent.agentId()
                : call.agentSessionId() == null ? null : String.valueOf(call.agentSessionId());
        PostbackDocuments.CallFinished doc = new PostbackDocuments.CallFinished(
                call.callId(),
                campaign.campaignId(),
                national(call.number()),
                national(call.fromNumber()),
                campaign.labels(),
                call.result().name(),
                call.durationSeconds(),
                LEGACY_TIME.format(call.startTime()),
                agent == null || agent.agentNotes() == null ? "" : agent.agentNotes(),
                extraData(call.extraData()),
                agentId,
                agent == null ? null : agent.agentResponse(),
                agent == null || agent.responseTime() == null ? null : LEGACY_TIME.format(agent.responseTime()),
                stored,
                List.of());
        return postbackXml(doc);
    }

    /** Seed 001's campaign-finished postback; {@code cost} as the billing rule writes it ({@code $2.25}). */
    public static String legacyCampaignFinished(BroadcastFacts campaign, CampaignCounters s, String cost) {
        PostbackDocuments.Campaign c = new PostbackDocuments.Campaign(
                campaign.campaignId(),
                campaign.name(),
                campaign.status().name().toLowerCase(Locale.ROOT),
                cost,
                new PostbackDocuments.Stats(
                        s.total(),
                        s.dialed(),
                        s.live(),
                        s.machine(),
                        s.noanswer(),
                        s.dnc(),
                        s.busy(),
                        s.transfer(),
                        s.error(),
                        s.misc()));
        return postbackXml(new PostbackDocuments.CampaignFinished(c));
    }

    /** Seed 001's answer to a postback subscription: XML, or JSON wrapped in its root name. */
    public static String reportResponse(String description, boolean success, boolean asJson) {
        PostbackDocuments.ReportResponse doc = new PostbackDocuments.ReportResponse(description, success);
        return asJson ? json("reportResponse", doc) : postbackXml(doc);
    }

    private static CallFireDocuments.Broadcast broadcast(BroadcastFacts c) {
        CampaignConfigFacts f = c.config();
        var retry = f.retryConfig();
        CallFireDocuments.RetryConfig retryConfig = retry == null
                ? null
                : new CallFireDocuments.RetryConfig(
                        retry.maxAttempts(),
                        retry.minutesBetweenAttempts(),
                        retry.retryResults().stream().map(CallResult::name).collect(Collectors.joining(" ")),
                        retry.retryPhoneTypes().stream()
                                .map(RetryPhoneType::name)
                                .collect(Collectors.joining(" ")));
        CallFireDocuments.CccBroadcastConfig config = new CallFireDocuments.CccBroadcastConfig(
                time(f.created()),
                digits(f.fromNumber()),
                timeOfDay(f.localRestrictBegin()),
                timeOfDay(f.localRestrictEnd()),
                retryConfig,
                f.numberOfRings(),
                f.recorded(),
                f.multilineDialingEnabled(),
                f.multilineDialingRatio(),
                f.agentGroupId(),
                f.smartDropSoundId(),
                f.answeringMachineSoundId());
        return new CallFireDocuments.Broadcast(
                String.valueOf(c.campaignId()),
                c.name(),
                c.status().name(),
                time(c.lastModified()),
                BROADCAST_TYPE,
                c.labels(),
                config);
    }

    /** CallFire's account ids are numbers; an account id that is not one stays text. */
    static Object accountId(String accountId) {
        try {
            return Long.parseLong(accountId);
        } catch (NumberFormatException e) {
            return accountId;
        }
    }

    /** Seed 004 writes phone numbers as JSON numbers: E.164 without the plus (or the short code). */
    static Long digits(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.startsWith("+") ? number.substring(1) : number;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seed 001 writes North-American numbers in their ten-digit national form. */
    static String national(String number) {
        if (number == null) {
            return "";
        }
        return number.startsWith("+1") && number.length() == 12
                ? number.substring(2)
                : number.startsWith("+") ? number.substring(1) : number;
    }

    private static String extraData(Map<String, String> data) {
        return new TreeMap<>(data)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** Seed 004's instants: UTC, whole seconds ({@code 2016-06-29T18:52:08Z}). */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String timeOfDay(LocalTime time) {
        return time == null ? null : time.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String json(String root, Object doc) {
        try {
            return JSON.writeValueAsString(Map.of(root, doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + root, e);
        }
    }

    private static String notificationXml(Object doc) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter2 raw = (XMLStreamWriter2) XML_OUTPUT.createXMLStreamWriter(out);
            raw.writeStartDocument("UTF-8", "1.0");
            // The seed's prefixes: n: for the notification envelope, the data namespace as the default one.
            raw.setPrefix("n", CallFireDocuments.NOTIFICATION_NS);
            raw.setDefaultNamespace(CallFireDocuments.DATA_NS);
            XMLStreamWriter2 writer = new StreamWriter2Delegate(raw) {
                @Override
                public void setDefaultNamespace(String uri) {
                    // Jackson makes the root element's namespace the default one; the seed's is the data namespace.
                }
            };
            ((StreamWriter2Delegate) writer).setParent(raw); // the constructor leaves the typed-write delegate unset
            try (ToXmlGenerator generator = NOTIFICATION_XML.getFactory().createGenerator(writer)) {
                generator.disable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION);
                NOTIFICATION_XML.writeValue(generator, doc);
            }
            writer.writeEndDocument();
            writer.close();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot write " + doc.getClass().getSimpleName(), e);
        }
        return out.toString();
    }

    private static String postbackXml(Object doc) {
        try {
            return POSTBACK_XML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + doc.getClass().getSimpleName(), e);
        }
    }

    private static XMLOutputFactory repairingOutput() {
        // Woodstox (Jackson XML's StAX implementation) by name: the typed writes below need its XMLStreamWriter2.
        XMLOutputFactory factory = new com.ctc.wstx.stax.WstxOutputFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.TRUE);
        return factory;
    }

    private static XmlMapper xmlMapper(boolean dataNamespaceByDefault) {
        XmlMapper mapper = XmlMapper.builder()
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
        if (dataNamespaceByDefault) {
            mapper.setAnnotationIntrospector(new JacksonXmlAnnotationIntrospector() {
                @Override
                public String findNamespace(MapperConfig<?> config, Annotated ann) {
                    String ns = super.findNamespace(config, ann);
                    if (Boolean.TRUE.equals(isOutputAsAttribute(config, ann))) {
                        return ns; // attributes stay unqualified, as the seed's id="…"
                    }
                    return ns == null || ns.isEmpty() ? CallFireDocuments.DATA_NS : ns;
                }
            });
        }
        return mapper;
    }
}
