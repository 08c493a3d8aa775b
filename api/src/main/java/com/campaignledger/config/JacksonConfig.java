package com.campaignledger.config;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.kernel.json.ControlCharacterCheckingJsonFactory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The REST API's JSON mapper (spring.jackson.* settings: unknown fields rejected, no type coercion).
 * Declared here because Axon's own {@code defaultAxonObjectMapper} bean would otherwise stop Spring Boot
 * from creating one, and the API would silently use the event store's lenient mapper.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfig {

    @Bean
    @Primary
    public ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper =
                builder.factory(new ControlCharacterCheckingJsonFactory()).build();
        // A number or boolean where text is expected is a client bug, not something to convert silently.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The passcode hash stays inside the ledger: API responses say only whether a passcode is set. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer hidePasscodeHash() {
        return builder -> builder.mixIn(CampaignSettings.class, HidePasscodeHash.class);
    }

    /** Times of day read back as integrators write them: {@code 09:00}, with seconds only when there are any. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer timesOfDayAsSent() {
        return builder -> builder.serializerByType(LocalTime.class, new StdSerializer<>(LocalTime.class) {
            @Override
            public void serialize(LocalTime time, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(
                        time.getSecond() == 0 && time.getNano() == 0
                                ? time.format(DateTimeFormatter.ofPattern("HH:mm"))
                                : time.toString());
            }
        });
    }

    @JsonIgnoreProperties("passcodeHash")
    private abstract static class HidePasscodeHash {}
}
