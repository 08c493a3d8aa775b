package com.campaignledger.projections.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

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
