package com.campaignledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The shared reader's reads ({@code mayBlock}), each query counted; a processor's own reads as Axon makes them. */
class LedgerJdbcEventStorageEngineTest {

    private final AtomicInteger queries = new AtomicInteger();
    private LedgerJdbcEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-engine-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__axon_event_store.sql"))
                .execute(dataSource);
        engine =
                new LedgerJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(dataSource))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .schema(new AxonConfig().eventSchema())
                        .eventSerializer(JacksonSerializer.defaultSerializer())
                        .snapshotSerializer(JacksonSerializer.defaultSerializer())
                        .batchSize(10)) {
                    @Override
                    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
                            TrackingToken token, int batchSize) {
                        queries.incrementAndGet();
                        return super.fetchTrackedEvents(token, batchSize);
                    }
                };
    }

    @Test
    void aReadThatFindsTheNewestEventsEndsThereAndTheNextFromItIsAnsweredWithoutAQuery() throws InterruptedException {
        append(3);
        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(null, true).toList();
        assertThat(read).hasSize(3);
        assertThat(queries).hasValue(1);

        TrackingToken end = read.get(2).trackingToken();
        assertThat(engine.readEvents(end, true)).isEmpty();
        assertThat(queries).as("no commit since: nothing new").hasValue(1);

        append(1);
        assertThat(engine.readEvents(end, true)).hasSize(1);
        assertThat(queries).as("a commit reported: read").hasValue(2);

        Thread.sleep(LedgerJdbcEventStorageEngine.RECENT_NANOS / 1_000_000 + 50);
        assertThat(engine.readEvents(read.get(0).trackingToken(), true)).hasSize(3);
        assertThat(queries).as("another position: read").hasValue(3);
    }

    @Test
    void aReadAfterAWhileQueriesAgainSoOtherInstancesEventsAreFound() throws InterruptedException {
        append(2);
        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(null, true).toList();
        TrackingToken end = read.get(1).trackingToken();
        append(1, false); // another instance's commit: none reported here

        assertThat(engine.readEvents(end, true)).as("right after the read").isEmpty();
        Thread.sleep(LedgerJdbcEventStorageEngine.RECENT_NANOS / 1_000_000 + 50);
        assertThat(engine.readEvents(end, true)).as("later").hasSize(1);
    }

    @Test
    void fullBatchesAreFollowedByTheNextAndProcessorsReadUntilEmpty() {
        append(25);
        assertThat(engine.readEvents(null, true)).hasSize(25);
        // Windows of 10 indexes: 1-9 (the first), 10-19, 20-25 and one finding nothing, as Axon reads.
        assertThat(queries)
                .as("a window filled up to its end: the next one is read")
                .hasValue(4);

        queries.set(0);
        assertThat(engine.readEvents(null, false)).hasSize(25);
        assertThat(queries)
                .as("a processor's own read: until a query finds nothing")
                .hasValue(4);
    }

    private void append(int count) {
        append(count, true);
    }

    private void append(int count, boolean reported) {
        for (int i = 0; i < count; i++) {
            engine.appendEvents(GenericEventMessage.asEventMessage("event " + i));
        }
        if (reported) {
            engine.committed();
        }
    }
}
