package com.campaignledger.eventstore;

import com.campaignledger.kernel.MetadataKeys;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.concurrent.ThreadPoolExecutor;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on a relational database without Axon Server: the snake_case table names of our Flyway migrations,
 * a JSON serializer of its own for everything stored, and the metadata every event carries.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new GenericSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The mapper of everything Axon stores (events, snapshots, tokens, sagas). It is not the REST API's
     * mapper: API settings such as rejecting unknown properties must never change what is stored, and
     * events written today must stay readable after their classes gain fields.
     */
    @Bean
    public ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Axon's snapshotter as Spring Boot would build it, but on a thread of its own: by default it runs on the
     * committing thread, so the command that crosses the threshold waited for the whole aggregate to be loaded
     * and serialised (2 s for a 100,000-number campaign, docs/benchmarks.md), and that campaign's other
     * commands behind it. A snapshot that finds the queue full is dropped: the next one comes
     * {@code ledger.snapshot-threshold} events later. Not a bean of its own, which would stand in for Spring
     * Boot's task executor.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("snapshotter-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        // A daemon: a snapshot cut short by a stop is only one not taken (the events are all stored).
        executor.setDaemon(true);
        executor.initialize();
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /**
     * Snapshots keep loading a long-lived campaign cheap after a restart or a cache miss; they are taken on
     * the snapshotter's thread, after the command. A campaign of 100,000 numbers snapshots to a few megabytes, so
     * the threshold is high: between restarts the cache below serves it.
     */
    @Bean
    public SnapshotTriggerDefinition campaignSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Campaigns stay in memory between commands, so a command on a campaign with 100,000 numbers costs
     * what it costs on one with ten: the most recently used {@code ledger.campaign-cache-size}, softly held so
     * memory pressure can take them back. A copy another instance has written past is dropped before it is used
     * (CaffeineAggregateCache).
     */
    @Bean
    public Cache campaignCache(@Value("${ledger.campaign-cache-size}") long size, JdbcTemplate jdbc) {
        return new CaffeineAggregateCache(size, storedVersion(jdbc));
    }

    /**
     * Agent sessions too: each of an agent's commands (connection, hang-up, response) would otherwise read every event
     * of the session so far, a few more per call taken. Small, so many are kept
     * ({@code ledger.agent-session-cache-size}); stale copies are dropped, as for campaigns.
     */
    @Bean
    public Cache agentSessionCache(@Value("${ledger.agent-session-cache-size}") long size, JdbcTemplate jdbc) {
        return new CaffeineAggregateCache(size, storedVersion(jdbc));
    }

    /** The sequence number of an aggregate's last event, from the unique index on (aggregate, sequence). */
    private static CaffeineAggregateCache.StoredVersion storedVersion(JdbcTemplate jdbc) {
        return id -> jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }

    @Bean
    public SnapshotTriggerDefinition agentSessionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's units of work on Spring's transactions. With request transactions on ({@code
     * ledger.request-transaction.max-concurrent} above 0), a command inside a transaction already open runs in a
     * savepoint of it ({@link SavepointTransactionManager}); off, Axon's own manager, as before.
     */
    @Bean
    public TransactionManager axonTransactionManager(
            PlatformTransactionManager transactions,
            @Value(RequestTransactions.MAX_CONCURRENT) int requestTransactions) {
        return requestTransactions > 0
                ? new SavepointTransactionManager(transactions)
                : new SpringTransactionManager(transactions);
    }

    /**
     * Each aggregate's lock: with request transactions on, held to the end of the transaction its command ran in
     * ({@link CommitBoundLockFactory}); off, Axon's default.
     */
    @Bean
    public LockFactory aggregateLockFactory(@Value(RequestTransactions.MAX_CONCURRENT) int requestTransactions) {
        return requestTransactions > 0 ? new CommitBoundLockFactory() : PessimisticLockFactory.usingDefaults();
    }

    /** Actor, account, request id and correlation id travel from each command to every event it causes. */
    @Bean
    public CorrelationDataProvider ledgerCorrelationData() {
        return new SimpleCorrelationDataProvider(
                MetadataKeys.ACTOR, MetadataKeys.ACCOUNT_ID, MetadataKeys.REQUEST_ID, MetadataKeys.CORRELATION_ID);
    }
}
