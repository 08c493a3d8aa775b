package com.campaignledger.agentsession;

import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes Agent Session Statistics as {@code text/csv} with seed 003's twelve column names as the header, one line
 * per session; times in ISO-8601 (UTC), a session still open has an empty Logged Out. Spring Boot adds every
 * converter bean to MVC's list, so any endpoint answering an {@link AgentSessionTable} can produce CSV.
 */
@Component
class AgentSessionCsvConverter extends AbstractHttpMessageConverter<AgentSessionTable> {

    static final String TEXT_CSV = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // The servlet container closes the response body, not the writer.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Quotes only where CSV needs them, so the header reads exactly as seed 003's column names.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final ObjectWriter WRITER = CSV.writer(CSV.schemaFor(Row.class).withHeader());

    AgentSessionCsvConverter() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(TEXT_CSV));
    }

    /** Seed 003's Individual Agent Session Statistics columns, in its order and with its names. */
    @JsonPropertyOrder({"ID", "Campaign ID", "Phone Number", "User ID", "Logged In", "Logged Out", "Calls", "Duration",
            "Calls (Sec)", "Avg Call (Sec)", "Resp. Time", "%Response"})
    record Row(@JsonProperty("ID") long id,
               @JsonProperty("Campaign ID") long campaignId,
               @JsonProperty("Phone Number") String phoneNumber,
               @JsonProperty("User ID") String userId,
               @JsonProperty("Logged In") Instant loggedIn,
               @JsonProperty("Logged Out") Instant loggedOut,
               @JsonProperty("Calls") int calls,
               @JsonProperty("Duration") long duration,
               @JsonProperty("Calls (Sec)") long callsSeconds,
               @JsonProperty("Avg Call (Sec)") double avgCallSeconds,
               @JsonProperty("Resp. Time") long responseTime,
               @JsonProperty("%Response") double responsePercent) {

        static Row of(AgentSessionStatistics s) {
            return new Row(s.id(), s.campaignId(), s.phoneNumber(), s.userId(), s.loggedIn(), s.loggedOut(), s.calls(),
                    s.duration(), s.callsSeconds(), s.avgCallSeconds(), s.responseTime(), s.responsePercent());
        }
    }

    @Override
    protected boolean supports(@NonNull Class<?> clazz) {
        return AgentSessionTable.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(@NonNull Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    @NonNull
    protected AgentSessionTable readInternal(@NonNull Class<? extends AgentSessionTable> clazz,
                                             @NonNull HttpInputMessage input) {
        throw new UnsupportedOperationException("CSV is written, never read");
    }

    @Override
    protected void writeInternal(@NonNull AgentSessionTable table, @NonNull HttpOutputMessage output) throws IOException {
        OutputStream body = output.getBody();
        WRITER.writeValues(body).writeAll(table.rows().stream().map(Row::of).toList()).close();
    }
}
