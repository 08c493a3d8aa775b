package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.ControlCharacters;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A numbers upload as CSV: the header names the columns, {@code number} is the number, the others its extraData. */
final class NumbersCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern ROW = Pattern.compile("^\\[(\\d+)\\](\\.?)(.*)$");

    private NumbersCsv() {}

    /** The rows as number requests; a file without a {@code number} column, or that is no CSV, is refused. */
    static List<NumberRequest> read(Reader body) throws IOException {
        List<NumberRequest> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            CsvSchema header = (CsvSchema) lines.getParserSchema();
            if (header == null || header.column("number") == null) {
                throw new RequestValidationException("body", "must be CSV whose header names a number column");
            }
            while (lines.hasNextValue()) {
                Map<String, String> row = new LinkedHashMap<>(lines.nextValue());
                int line = rows.size() + 2;
                row.forEach((column, value) -> {
                    if (ControlCharacters.refused(value) || ControlCharacters.refused(column)) {
                        violations.add(new Violation(
                                "line " + line + ": " + column,
                                ControlCharacters.problem(ControlCharacters.refused(value) ? value : column)));
                    }
                });
                String number = row.remove("number");
                row.values().removeIf(v -> v == null || v.isEmpty());
                rows.add(new NumberRequest(number == null || number.isBlank() ? null : number, row));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            if (e instanceof RequestValidationException refused) {
                throw refused;
            }
            throw new RequestValidationException("body", "is not CSV with a header line: " + e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return rows;
    }

    /** The upload's violations, {@code [3].number} named as the CSV line it came from ({@code line 5: number}). */
    static List<Violation> byLine(List<Violation> violations) {
        return violations.stream()
                .map(v -> {
                    Matcher m = ROW.matcher(v.field());
                    return m.matches()
                            ? new Violation(
                                    "line " + (Integer.parseInt(m.group(1)) + 2)
                                            + (m.group(3).isEmpty() ? "" : ": " + m.group(3)),
                                    v.message())
                            : v;
                })
                .toList();
    }
}
