package com.campaignledger.web;

import java.util.stream.Stream;

/**
 * An answer that is also a table: JSON as itself, {@code text/csv} as its rows, written by {@link CsvTableConverter}
 * when {@code Accept} chooses CSV among the endpoint's {@code produces}.
 *
 * @param <R> a flat row type; its Jackson property names (and order) make the header line
 */
public interface CsvTable<R> {

    String TEXT_CSV = "text/csv";

    /** The row type, so that an empty table still has its header. */
    Class<R> csvRowType();

    /** The rows, read as they are written: an export of a long query is never held in memory whole. */
    Stream<R> csvRows();

    /** The file name of the CSV attachment; null answers it inline. */
    default String csvFilename() {
        return null;
    }
}
