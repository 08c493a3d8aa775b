package com.campaignledger.projections.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one INSERT collected over a processor's batch and written as one JDBC batch when the batch commits,
 * in its transaction (with the processor's token). A replay then costs one round trip to the database per batch
 * instead of one per event. Outside a unit of work a row is written at once.
 * <p>
 * Rows are not visible to queries of the same batch until they are written: handlers that read what earlier
 * events of the batch wrote must remember it themselves.
 */
public final class InsertBatch {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final String resourceKey;

    public InsertBatch(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.resourceKey = InsertBatch.class.getName() + "#" + System.identityHashCode(this);
    }

    /**
     * An insert keyed by the event's own global index, taken from the event store by the event's aggregate and
     * sequence number (its rows are added with {@link #addAt}). A processor's token position is not that index
     * when the event filled a gap (committed after a later one): keyed by it, the row of one event would take
     * another's key and be dropped by {@code ON CONFLICT DO NOTHING}.
     *
     * @param insertInto   {@code INSERT INTO table (global_index, other columns...)}
     * @param selectValues what follows {@code e.global_index} in the SELECT: parameters (typed with CAST, since a
     *                     SELECT does not take its types from the table) or columns of the event row {@code e}
     */
    public static InsertBatch atEventPosition(JdbcTemplate jdbc, String insertInto, String selectValues) {
        return new InsertBatch(
                jdbc,
                insertInto + " SELECT e.global_index, " + selectValues + " FROM domain_event_entry e "
                        + "WHERE e.aggregate_identifier = ? AND e.sequence_number = ? ON CONFLICT DO NOTHING");
    }

    /** A row of an {@link #atEventPosition} insert: its values, then the event that keys it. */
    public void addAt(String aggregate, long sequence, Object... values) {
        Object[] row = Arrays.copyOf(values, values.length + 2);
        row[values.length] = aggregate;
        row[values.length + 1] = sequence;
        add(row);
    }

    public void add(Object... row) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, row);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Object[]> rows = root.getOrComputeResource(resourceKey, key -> {
            List<Object[]> pending = new ArrayList<>();
            root.onPrepareCommit(u -> flush(pending));
            return pending;
        });
        rows.add(row);
    }

    private void flush(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
