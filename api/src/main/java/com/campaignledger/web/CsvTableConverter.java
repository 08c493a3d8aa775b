package com.campaignledger.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link CsvTable} answer as {@code text/csv}: a header line of the row type's property names, then
 * one line per row; times in ISO-8601. Spring Boot adds converter beans to MVC's list, so an endpoint only lists
 * {@code text/csv} in its {@code produces} and returns a {@link CsvTable}.
 */
@Component
class CsvTableConverter extends AbstractHttpMessageConverter<CsvTable<?>> {

    private static final CsvMapper CSV = CsvMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // The servlet container closes the response body, not the writer.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Quotes only where CSV needs them, so headers such as seed 003's column names read as written.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    CsvTableConverter() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(CsvTable.TEXT_CSV));
    }

    @Override
    protected boolean supports(@NonNull Class<?> clazz) {
        return CsvTable.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(@NonNull Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    @NonNull
    protected CsvTable<?> readInternal(@NonNull Class<? extends CsvTable<?>> clazz, @NonNull HttpInputMessage input) {
        throw new UnsupportedOperationException("CSV is written, never read");
    }

    @Override
    protected void addDefaultHeaders(@NonNull HttpHeaders headers, @NonNull CsvTable<?> table, MediaType contentType)
            throws IOException {
        super.addDefaultHeaders(headers, table, contentType);
        if (table.csvFilename() != null) {
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(table.csvFilename())
                    .build());
        }
    }

    @Override
    protected void writeInternal(@NonNull CsvTable<?> table, @NonNull HttpOutputMessage output) throws IOException {
        writers.computeIfAbsent(
                        table.csvRowType(),
                        type -> CSV.writer(CSV.schemaFor(type).withHeader()))
                .writeValues(output.getBody())
                .writeAll(table.csvRows())
                .close();
    }
}
