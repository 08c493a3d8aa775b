package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

class CsvTableConverterTest {

    record Row(String agentResponse, int attempts) {}

    record Table(List<Row> rows) implements CsvTable<Row> {
        @Override
        public Class<Row> csvRowType() {
            return Row.class;
        }

        @Override
        public Stream<Row> csvRows() {
            return rows.stream();
        }
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        new CsvTableConverter()
                .write(
                        new Table(List.of(
                                new Row("=HYPERLINK(\"http://x\")", 1),
                                new Row("+1 sale", 2),
                                new Row("-2", -3),
                                new Row("+12135551212", 9),
                                new Row("-1+2", 10),
                                new Row("@SUM(A1)", 4),
                                new Row("\tcall back", 5),
                                new Row("\rnote", 6),
                                new Row("sale - call back", 7),
                                new Row("", 8))),
                        MediaType.parseMediaType(CsvTable.TEXT_CSV),
                        out);
        List<String> lines = out.getBodyAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("agentResponse,attempts");
        assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",1");
        assertThat(lines.get(2)).isEqualTo("'+1 sale,2");
        assertThat(lines.get(3)).as("a signed number computes nothing").isEqualTo("-2,-3");
        assertThat(lines.get(4)).as("nor does a phone number in E.164").isEqualTo("+12135551212,9");
        assertThat(lines.get(5)).isEqualTo("'-1+2,10");
        assertThat(lines.get(6)).isEqualTo("'@SUM(A1),4");
        assertThat(lines.get(7)).isEqualTo("'\tcall back,5");
        assertThat(out.getBodyAsString(StandardCharsets.UTF_8)).contains("'\rnote");
        assertThat(out.getBodyAsString(StandardCharsets.UTF_8))
                .contains("\nsale - call back,7")
                .contains("\n,8");
    }

    /** An export reads its rows in batches while it writes them: every row, whatever the batch size. */
    @Test
    void anExportWritesEveryBatchAndStopsAfterAShortOne() throws Exception {
        int total = CsvExport.BATCH * 2 + 7;
        java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
        CsvExport<Row> export = new CsvExport<>(
                Row.class,
                () -> CsvExport.<Row>batches(last -> {
                    queries.incrementAndGet();
                    int from = last == null ? 0 : last.attempts() + 1;
                    return java.util.stream.IntStream.range(from, Math.min(total, from + CsvExport.BATCH))
                            .mapToObj(i -> new Row("r" + i, i))
                            .toList();
                }),
                "all.csv");
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        new CsvTableConverter().write(export, MediaType.parseMediaType(CsvTable.TEXT_CSV), out);
        List<String> lines = out.getBodyAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(total + 1);
        assertThat(lines.get(total)).isEqualTo("r" + (total - 1) + "," + (total - 1));
        assertThat(queries.get()).isEqualTo(3);
        assertThat(out.getHeaders().getContentDisposition().getFilename()).isEqualTo("all.csv");
    }
}
