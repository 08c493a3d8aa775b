package com.campaignledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * {@code text/csv} answers of the reports that also answer JSON: chosen by {@code Accept}, written by Jackson's
 * CSV module from flat rows (a header line of the rows' property names, then one line per row).
 */
public final class CsvResponses {

    public static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(TEXT_CSV);
    private static final CsvMapper MAPPER = CsvMapper.builder().findAndAddModules().build();

    private CsvResponses() {
    }

    /** Whether the client prefers CSV to JSON: the first of its {@code Accept} types, by quality, that names either. */
    public static boolean wanted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        MediaType.sortByQualityValue(types);
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (CSV.includes(type)) {
                return true;
            }
            if (MediaType.APPLICATION_JSON.includes(type)) {
                return false;
            }
        }
        return false;
    }

    /** The rows as CSV with a header line, as an attachment named {@code filename}. */
    public static <T> ResponseEntity<String> of(Class<T> rowType, List<T> rows, String filename) {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader();
        try {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                    .body(MAPPER.writer(schema).writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + filename, e);
        }
    }
}
