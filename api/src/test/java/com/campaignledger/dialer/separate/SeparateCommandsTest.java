package com.campaignledger.dialer.separate;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.ScrubNumbersCommand;
import com.campaignledger.kernel.MetadataKeys;
import com.campaignledger.testsupport.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A processor's batch that sends a command keeps the command's campaign locked until the batch ends; one sent through
 * {@link SeparateCommands} leaves it free at once. So two processors that command several campaigns in one batch
 * each cannot wait for each other's campaigns (the deadlocks Axon detected under load, docs/benchmarks.md).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            // The same database as AgentApiTest, so the two share one Spring context.
            "spring.datasource.url=jdbc:h2:mem:agents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class SeparateCommandsTest {

    private static final MetaData DEFAULT_ACCOUNT = MetaData.with(MetadataKeys.ACCOUNT_ID, "default");

    @LocalServerPort
    int port;

    @Autowired
    SeparateCommands separate;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionManager axonTransactions;

    long campaign;

    @BeforeEach
    void campaign() {
        campaign = new ApiClient(port)
                .post(
                        "/api/campaigns",
                        "{\"name\": \"Locks\", \"fromNumber\": \"2135550100\", "
                                + "\"numbers\": [{\"number\": \"2125551000\"}, {\"number\": \"2125551001\"}]}")
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void aCommandSentSeparatelyLeavesItsCampaignFreeWhileTheBatchGoesOn() throws Exception {
        CompletableFuture<Object> other = new CompletableFuture<>();
        boolean[] doneWithinTheBatch = new boolean[1];
        inABatch(() -> {
            separate.sendAndWait(scrub("+12125551000"), DEFAULT_ACCOUNT);
            fromAnotherThread(scrub("+12125551001"), other);
            doneWithinTheBatch[0] = finishes(other, Duration.ofSeconds(10));
        });
        assertThat(doneWithinTheBatch[0])
                .as("another thread's command on the campaign ran while the batch was still open")
                .isTrue();
        assertThat(other.get(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aCommandSentTheUsualWayHoldsItsCampaignUntilTheBatchEnds() throws Exception {
        CompletableFuture<Object> other = new CompletableFuture<>();
        boolean[] doneWithinTheBatch = new boolean[1];
        inABatch(() -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(scrub("+12125551000"))
                    .andMetaData(DEFAULT_ACCOUNT));
            fromAnotherThread(scrub("+12125551001"), other);
            doneWithinTheBatch[0] = finishes(other, Duration.ofSeconds(1));
        });
        assertThat(doneWithinTheBatch[0])
                .as("the campaign stays locked until the batch ends")
                .isFalse();
        assertThat(other.get(10, TimeUnit.SECONDS)).isNull();
    }

    private ScrubNumbersCommand scrub(String number) {
        return new ScrubNumbersCommand(CampaignId.of(campaign), List.of(number), "a test");
    }

    /** A processor's batch as Axon runs it: a unit of work for an event, in a database transaction. */
    private void inABatch(Runnable body) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
        batch.attachTransaction(axonTransactions);
        batch.execute(body);
    }

    private void fromAnotherThread(ScrubNumbersCommand command, CompletableFuture<Object> result) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(DEFAULT_ACCOUNT)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        thread.start();
    }

    private static boolean finishes(CompletableFuture<Object> future, Duration within) {
        try {
            future.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }
}
