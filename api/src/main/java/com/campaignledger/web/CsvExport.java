package com.campaignledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A CSV export: every row of the query, not one page of it, read a batch at a time while the file is written, as an
 * attachment. The JSON of the same endpoint keeps paging.
 */
public record CsvExport<R>(Class<R> csvRowType, Supplier<Stream<R>> rows, String csvFilename) implements CsvTable<R> {

    /** Rows read from the database per query while an export is written. */
    public static final int BATCH = 500;

    @Override
    public Stream<R> csvRows() {
        return rows.get();
    }

    /** Whether the request's Accept ranks CSV above JSON (as content negotiation will choose the answer's type). */
    public static boolean requested(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(types);
        MediaType csv = MediaType.parseMediaType(CsvTable.TEXT_CSV);
        for (MediaType type : types) {
            boolean json = type.includes(MediaType.APPLICATION_JSON);
            boolean text = type.includes(csv);
            if (json || text) {
                // */* (both) means JSON, the default.
                return text && !json;
            }
        }
        return false;
    }

    /**
     * Every row, batch after batch: {@code next} is given the last row read (null at first) and answers the rows after
     * it, at most {@link #BATCH}; a shorter batch is the last one.
     */
    public static <T> Stream<T> batches(Function<T, List<T>> next) {
        Iterator<T> rows = new Iterator<>() {
            private Iterator<T> batch = List.<T>of().iterator();
            private T last;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && more) {
                    List<T> read = next.apply(last);
                    more = read.size() >= BATCH;
                    if (!read.isEmpty()) {
                        last = read.get(read.size() - 1);
                    }
                    batch = read.iterator();
                }
                return batch.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }
}
