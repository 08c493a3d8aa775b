package com.campaignledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command inside a longer transaction (a request's) on PostgreSQL: its unit of work in a savepoint, what must follow
 * the commit after the real one, the aggregate's lock and cached copy bound to that transaction.
 */
@RequiresPostgres
class RequestTransactionPostgresTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate request;
    private TransactionManager axon;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        PostgresTestDatabase.Database database = PostgresTestDatabase.fresh("request_tx");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__axon_event_store.sql"))
                .execute(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        request = new TransactionTemplate(transactions);
        axon = new SavepointTransactionManager(transactions);
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new EventStorageConfig().connectionProvider(dataSource, 10))
                .transactionManager(axon)
                .persistenceExceptionResolver(new EventStorageConfig().duplicateKeyResolver())
                .schema(new AxonConfig().eventSchema())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    @Test
    void anAppendThatLosesTheRaceRollsBackToItsSavepointAndTheRequestStillCommits() {
        append("campaign-1", 0);
        append("campaign-1", 1);
        request.executeWithoutResult(tx -> {
            // The request's own reads and writes before its command.
            jdbc.update("CREATE TABLE request_note (note TEXT)");
            jdbc.update("INSERT INTO request_note VALUES ('before')");
            assertThatThrownBy(() -> command(() -> append("campaign-1", 1))).isInstanceOf(ConcurrencyException.class);
            // PostgreSQL would refuse every statement here had the failed insert aborted the transaction.
            command(() -> append("campaign-1", 2));
            jdbc.update("INSERT INTO request_note VALUES ('after')");
        });
        assertThat(jdbc.queryForList("SELECT note FROM request_note ORDER BY note", String.class))
                .containsExactly("after", "before");
        assertThat(jdbc.queryForList(
                        "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = 'campaign-1' "
                                + "ORDER BY sequence_number",
                        Long.class))
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void aRefusedCommandUndoesItsOwnWorkAlone() {
        jdbc.update("CREATE TABLE request_note (note TEXT)");
        request.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO request_note VALUES ('request')");
            assertThatThrownBy(() -> command(() -> {
                        jdbc.update("INSERT INTO request_note VALUES ('refused command')");
                        append("campaign-7", 0);
                        throw new IllegalStateException("refused");
                    }))
                    .hasMessage("refused");
            jdbc.update("INSERT INTO request_note VALUES ('after')");
        });
        assertThat(jdbc.queryForList("SELECT note FROM request_note ORDER BY note", String.class))
                .containsExactly("after", "request");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'campaign-7'",
                        Integer.class))
                .isZero();
    }

    @Test
    void withoutARequestTransactionAUnitOfWorkCommitsOnItsOwn() {
        command(() -> append("campaign-2", 0));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'campaign-2'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void workAfterACommandsCommitWaitsForTheRequestsCommitAndIsDroppedOnItsRollback() {
        AtomicBoolean woken = new AtomicBoolean();
        request.executeWithoutResult(tx -> {
            command(() -> append("campaign-3", 0));
            // As the event store does in the after-commit phase of the command's unit of work.
            AfterCommit.run(() -> woken.set(true));
            assertThat(woken).as("woken before the request's commit").isFalse();
        });
        assertThat(woken).isTrue();

        AtomicBoolean never = new AtomicBoolean();
        request.executeWithoutResult(tx -> {
            AfterCommit.run(() -> never.set(true));
            tx.setRollbackOnly();
        });
        assertThat(never).isFalse();
        AtomicBoolean now = new AtomicBoolean();
        AfterCommit.run(() -> now.set(true));
        assertThat(now).as("outside a transaction: at once").isTrue();
    }

    @Test
    void aCachedCopyOfARolledBackRequestIsDropped() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(10);
        request.executeWithoutResult(tx -> cache.put("campaign-4", "kept"));
        request.executeWithoutResult(tx -> {
            cache.put("campaign-5", "rolled back");
            tx.setRollbackOnly();
        });
        assertThat(cache.<String, String>get("campaign-4")).isEqualTo("kept");
        assertThat(cache.containsKey("campaign-5")).isFalse();
    }

    @Test
    void anAggregatesLockIsHeldUntilTheRequestCommits() throws Exception {
        CommitBoundLockFactory locks = new CommitBoundLockFactory();
        CompletableFuture<Void> next = new CompletableFuture<>();
        request.executeWithoutResult(tx -> {
            Lock lock = locks.obtainLock("campaign-6");
            // What Axon does when the command's unit of work ends.
            lock.release();
            CompletableFuture.runAsync(() -> {
                locks.obtainLock("campaign-6").release();
                next.complete(null);
            });
            assertThatThrownBy(() -> next.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        });
        next.get(5, TimeUnit.SECONDS);
    }

    private void command(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axon);
        unitOfWork.execute(work);
    }

    private void append(String aggregate, long sequence) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Test", aggregate, sequence, "payload")));
    }
}
