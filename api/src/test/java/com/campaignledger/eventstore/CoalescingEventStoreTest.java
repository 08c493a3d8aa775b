package com.campaignledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The store on the JDBC engine and a tracking processor, as in the service, with the store's own polling set to an
 * hour: whatever reaches the processor within the test was brought by a wake-up after a commit. A wake-up makes the
 * store read the new events once for every processor; each read is counted.
 */
class CoalescingEventStoreTest {

    private static final Duration STORE_POLLING = Duration.ofHours(1);

    private Configuration axon;
    private CoalescingEventStore store;
    private final AtomicInteger storeReads = new AtomicInteger();
    private final Recorder recorder = new Recorder();

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void commitsWithinTheDelayAreReadOnceAndNoSoonerThanTheDelay() throws InterruptedException {
        start(Duration.ofMillis(500));
        int readsBefore = storeReads.get();
        long firstCommit = System.nanoTime();
        publishEvents(10, 10);

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled() == 10);
        // One wake-up: a read that finds the ten, and the read that finds nothing more (20 or so without the delay).
        assertThat(storeReads.get() - readsBefore)
                .as("reads of the store for ten commits 10 ms apart")
                .isLessThanOrEqualTo(3);
        assertThat(Duration.ofNanos(recorder.firstHandledAt() - firstCommit))
                .as("held back until the wake-up")
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void aCommitAfterAWakeUpGetsAWakeUpOfItsOwn() throws InterruptedException {
        start(Duration.ofMillis(100));
        publishEvents(1, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled() == 1);

        publishEvents(1, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled() == 2);
        publishEvents(3, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled() == 5);
    }

    @Test
    void withoutADelayEveryCommitIsReadAtOnce() throws InterruptedException {
        // Axon's own behaviour (delay 0), which the first test tells apart.
        start(Duration.ZERO);
        int readsBefore = storeReads.get();
        publishEvents(6, 100);

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled() == 6);
        assertThat(storeReads.get() - readsBefore).isGreaterThanOrEqualTo(6);
    }

    private void start(Duration wakeDelay) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:coalescing-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__axon_event_store.sql"))
                .execute(dataSource);
        JdbcEventStorageEngine engine =
                new JdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(dataSource))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .schema(new AxonConfig().eventSchema())
                        .eventSerializer(JacksonSerializer.defaultSerializer())
                        .snapshotSerializer(JacksonSerializer.defaultSerializer())) {
                    @Override
                    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                        if (mayBlock) { // the store's shared read for its processors (a processor catching up reads
                            // alone)
                            storeReads.incrementAndGet();
                        }
                        return super.readEvents(token, mayBlock);
                    }
                };
        store = new CoalescingEventStore(
                EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(STORE_POLLING.toMillis()), wakeDelay);
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEventStore(c -> store);
        configurer
                .eventProcessing()
                .registerTrackingEventProcessor(
                        "recorder",
                        c -> store,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100))
                .registerEventHandler(c -> recorder);
        axon = configurer.start();
        // The processor has found the (empty) store and waits for what comes next.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> axon.eventProcessingConfiguration()
                        .eventProcessor("recorder")
                        .map(p ->
                                !((TrackingEventProcessor) p).processingStatus().isEmpty())
                        .orElse(false));
    }

    private void publishEvents(int count, long millisApart) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Thread.sleep(millisApart);
            }
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
    }

    @ProcessingGroup("recorder")
    static class Recorder {
        private final AtomicInteger handled = new AtomicInteger();
        private volatile long firstHandledAt;

        @EventHandler
        void on(String event) {
            if (handled.getAndIncrement() == 0) {
                firstHandledAt = System.nanoTime();
            }
        }

        int handled() {
            return handled.get();
        }

        long firstHandledAt() {
            return firstHandledAt;
        }
    }
}
