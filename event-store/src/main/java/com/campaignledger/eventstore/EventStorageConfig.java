package com.campaignledger.eventstore;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event storage engine as Axon's Spring Boot support builds it, with one setting it does not expose: how
 * many events one query reads. Streaming processors read the store in queries of this many events, so a replay
 * of a large store makes a hundred times fewer round trips with 10,000 than with Axon's default of 100
 * (docs/benchmarks.md). Live processors read what is new, usually far fewer; the store's shared reader makes no
 * empty reads after a read that found them ({@link LedgerJdbcEventStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
public class EventStorageConfig {

    /** SQLSTATE of a unique violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Tells a second append at the same (aggregate, sequence) from any other failure, so it becomes Axon's
     * {@code ConcurrencyException} and the command is retried on the aggregate as stored. Axon's default JDBC
     * resolver only knows {@code SQLIntegrityConstraintViolationException}, which H2 throws and the PostgreSQL
     * driver does not: there, two instances writing one campaign at once answered 500 instead of retrying.
     */
    @Bean
    public PersistenceExceptionResolver duplicateKeyResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Axon's JDBC components (events, tokens, sagas, dead letters): with request transactions on, on Spring's
     * transaction alone ({@link SpringConnections}); off, as Axon's Spring Boot support provides them.
     */
    @Bean
    public ConnectionProvider connectionProvider(
            DataSource dataSource, @Value(RequestTransactions.MAX_CONCURRENT) int requestTransactions) {
        return requestTransactions > 0
                ? new SpringConnections(dataSource)
                : new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            @Value("${ledger.event-store.batch-size:10000}") int batchSize) {
        return new LedgerJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(batchSize));
    }

    /**
     * The event store as Axon's Spring Boot support builds it (same monitor, same spans), waking the tracking
     * processors at most once per {@code ledger.event-store.consumer-wake-delay} ({@link CoalescingEventStore}; 0:
     * after every commit, as Axon does), and sharing a cache of the newest {@code ledger.event-store.cached-events}
     * events between them: a small one, so that cached events die young instead of filling the old generation.
     */
    @Bean("eventStore")
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            @Value("${ledger.event-store.consumer-wake-delay:20ms}") Duration wakeDelay,
            @Value("${ledger.event-store.cached-events:200}") int cachedEvents) {
        return new CoalescingEventStore(
                EmbeddedEventStore.builder()
                        .storageEngine(storageEngine)
                        .cachedEvents(cachedEvents)
                        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(configuration.getComponent(EventBusSpanFactory.class)),
                wakeDelay);
    }
}
