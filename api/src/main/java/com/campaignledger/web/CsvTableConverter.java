package com.campaignledger.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
            .addModule(new SimpleModule().addSerializer(String.class, new FormulaSafeText()))
            .build();

    /**
     * OWASP's rule against CSV injection: a cell a spreadsheet would run as a formula (it starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading {@code '}. Agents write
     * their responses and notes, and they are trusted less than the back office that opens the export. A cell that
     * is only a signed number (an E.164 phone number, a negative amount) computes nothing and is left as it is.
     */
    static final class FormulaSafeText extends StdSerializer<String> {

        private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\d+(\\.\\d+)?");

        FormulaSafeText() {
            super(String.class);
        }

        @Override
        public void serialize(String text, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(neutralised(text));
        }

        static String neutralised(String text) {
            if (!text.isEmpty()
                    && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                    && !SIGNED_NUMBER.matcher(text).matches()) {
                return "'" + text;
            }
            return text;
        }
    }

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
        ObjectWriter writer = writers.computeIfAbsent(
                table.csvRowType(), type -> CSV.writer(CSV.schemaFor(type).withHeader()));
        try (SequenceWriter lines = writer.writeValues(output.getBody());
                Stream<?> rows = table.csvRows()) {
            for (Iterator<?> it = rows.iterator(); it.hasNext(); ) {
                lines.write(it.next());
            }
        }
    }
}
