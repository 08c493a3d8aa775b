package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.operations.processors.ProcessorCatchUp;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@ExtendWith(OutputCaptureExtension.class)
/** Against a token table and an event table of Axon's shape (V1's), in an in-memory H2 database. */
class CampaignViewGuardTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:rebuild-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            ""));
    private final CampaignViewGuard rebuild = new CampaignViewGuard(jdbc, new ProcessorCatchUp(jdbc));
    /** The last event the view's rows show. */
    private final AtomicLong view = new AtomicLong(-1);
    /** Whether the view's token still has gaps: events it has not taken below its index. */
    private volatile boolean gapsLeft;

    @BeforeEach
    void tokenTable() {
        jdbc.execute("CREATE TABLE token_entry (processor_name VARCHAR(255) NOT NULL, segment INTEGER NOT NULL, "
                + "token BYTEA, token_type VARCHAR(255), timestamp VARCHAR(255), owner VARCHAR(255), "
                + "PRIMARY KEY (processor_name, segment))");
        jdbc.update("INSERT INTO token_entry (processor_name, segment, token_type) VALUES "
                + "('campaign-view', 0, 'org.axonframework.eventhandling.GlobalSequenceTrackingToken'), "
                + "('campaign-stats', 0, 'org.axonframework.eventhandling.ReplayToken')");
        jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY)");
    }

    @Test
    void aCampaignFoundIsAnswered() {
        assertThat(rebuild.require(7, () -> Optional.of("campaign 7"))).isEqualTo("campaign 7");
    }

    @Test
    void aCampaignMissingOtherwiseIsUnknown() {
        assertThatThrownBy(() -> rebuild.require(7, Optional::empty))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No campaign 7");
    }

    @Test
    void aReplayEndingBetweenTheReadAndTheTokensIsReadAgain() {
        Iterator<Optional<String>> reads =
                List.of(Optional.<String>empty(), Optional.of("campaign 7")).iterator();
        assertThat(rebuild.require(7, reads::next)).isEqualTo("campaign 7");
    }

    @Test
    void aCampaignMissingWhileTheViewIsReplayedIsNotYetRebuilt() {
        jdbc.update("UPDATE token_entry SET token_type = 'org.axonframework.eventhandling.ReplayToken' "
                + "WHERE processor_name = 'campaign-view'");
        assertThatThrownBy(() -> rebuild.require(7, Optional::empty))
                .isInstanceOf(ReadModelRebuildingException.class)
                .hasMessageContaining("campaign 7");
    }

    @Test
    void aCampaignCreatedAMomentAgoIsWaitedFor() {
        // The store holds event 5 (the creation); the view has followed up to 4 and reaches 5 a moment later.
        jdbc.update("INSERT INTO domain_event_entry (global_index) VALUES (5)");
        viewAt(4);
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> viewAt(5));
        assertThat(rebuild.require(7, () -> view.get() >= 5 ? Optional.of("campaign 7") : Optional.empty()))
                .isEqualTo("campaign 7");
    }

    @Test
    void aCampaignMissingOnceTheViewHasFollowedTheStoreIsUnknown() {
        jdbc.update("INSERT INTO domain_event_entry (global_index) VALUES (5)");
        viewAt(5);
        assertThatThrownBy(() -> rebuild.require(7, Optional::empty)).isInstanceOf(ResourceNotFoundException.class);
    }

    /** A view still behind when the wait ends is answered from as it is, and the log says so: never a silent 404. */
    @Test
    void aViewStillBehindAfterTheWaitIsLogged(CapturedOutput output) {
        jdbc.update("INSERT INTO domain_event_entry (global_index) VALUES (5)");
        viewAt(4);
        CampaignViewGuard impatient =
                new CampaignViewGuard(jdbc, new ProcessorCatchUp(jdbc, java.time.Duration.ofMillis(100)));
        assertThatThrownBy(() -> impatient.require(7, Optional::empty)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(output.getAll()).contains("Read model campaign-view was still behind the event store after PT0.1S");
    }

    /**
     * A token past an event may still miss it: an event whose transaction committed after a later one's is a gap of
     * the token until the view takes it (a gap no event holds, a rolled-back append, is not waited for).
     */
    @Test
    void anEventCommittedAfterALaterOneIsWaitedFor() {
        jdbc.update("INSERT INTO domain_event_entry (global_index) VALUES (5), (6)");
        viewAt(6, "[4, 5]");
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> viewAt(6));
        assertThat(rebuild.require(
                        7, () -> view.get() >= 6 && !gapsLeft ? Optional.of("campaign 7") : Optional.empty()))
                .isEqualTo("campaign 7");
    }

    /** Moves the view to {@code index}: rows before token, so whoever sees the token sees the rows, as in one transaction. */
    private void viewAt(long index) {
        viewAt(index, "[]");
    }

    private void viewAt(long index, String gaps) {
        view.set(index);
        gapsLeft = !"[]".equals(gaps);
        jdbc.update(
                "UPDATE token_entry SET token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', token = ? "
                        + "WHERE processor_name = 'campaign-view'",
                ("{\"index\":" + index + ",\"gaps\":" + gaps + "}").getBytes(StandardCharsets.UTF_8));
    }
}
