package com.campaignledger.operations.processors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read models follow the event store a moment behind the commands: a request that finds a campaign or a number
 * missing may only be early, right after the command that added it was acknowledged. Before such a
 * request is refused, it waits (bounded) until the read model's processor has followed the store up to the newest
 * event stored when asked, and looks again. Positions are read from the processor's token rows, written in the
 * transaction of the rows they cover, so this holds on every instance. Asked only on the rare path of a refusal.
 */
@Component
public class ProcessorCatchUp {

    /** How long a request waits for a read model before it is refused: well above the lag under full load. */
    public static final Duration REQUEST_WAIT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ProcessorCatchUp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Duration requestWait;

    public ProcessorCatchUp(JdbcTemplate jdbc) {
        this(jdbc, REQUEST_WAIT);
    }

    @Autowired
    public ProcessorCatchUp(JdbcTemplate jdbc, @Value("${ledger.read-models.request-wait:2s}") Duration requestWait) {
        this.jdbc = jdbc;
        this.requestWait = requestWait;
    }

    /**
     * As {@link #await(String, Duration)}, for a request: at most {@code ledger.read-models.request-wait}. A read
     * model still behind after that is logged, so a refusal it causes is never a silent one.
     */
    public boolean await(String processor) {
        Wait wait = follow(processor, requestWait);
        if (wait == Wait.TIMED_OUT) {
            log.warn(
                    "Read model {} was still behind the event store after {}: the request is answered from it as it is",
                    processor,
                    requestWait);
        }
        return wait == Wait.CAUGHT_UP;
    }

    private enum Wait {
        NOT_BEHIND,
        CAUGHT_UP,
        TIMED_OUT
    }

    /**
     * Waits, at most {@code max}, until {@code processor} has followed the event stream up to the newest event
     * stored now.
     *
     * @return whether the processor was behind and has caught up (worth a second look)
     */
    public boolean await(String processor, Duration max) {
        return follow(processor, max) == Wait.CAUGHT_UP;
    }

    private Wait follow(String processor, Duration max) {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (head == null || reached(processor, head)) {
            return Wait.NOT_BEHIND;
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(10);
                if (reached(processor, head)) {
                    return Wait.CAUGHT_UP;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Wait.TIMED_OUT;
    }

    /**
     * Whether every segment has handled every event up to {@code head}. A token past an event may still miss it: an
     * event whose transaction committed after a later one's is a gap of the token until the processor takes it. A gap
     * that holds a stored event is such an event; one that holds none is an index no event took (a rolled-back
     * append) and is not waited for.
     */
    boolean reached(String processor, long head) {
        List<byte[]> tokens = tokens(processor);
        if (tokens.isEmpty()) {
            return false;
        }
        Set<Long> gaps = new TreeSet<>();
        for (byte[] token : tokens) {
            try {
                JsonNode json = token == null ? null : JSON.readTree(token);
                if (json == null || json.path("index").asLong(-1) < head) {
                    return false;
                }
                json.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            } catch (IOException e) {
                return false;
            }
        }
        gaps.removeIf(gap -> gap > head);
        if (gaps.isEmpty()) {
            return true;
        }
        String in = String.join(",", java.util.Collections.nCopies(gaps.size(), "?"));
        Integer stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE global_index IN (" + in + ")",
                Integer.class,
                gaps.toArray());
        return stored == null || stored == 0;
    }

    private List<byte[]> tokens(String processor) {
        return jdbc.query(
                "SELECT token FROM token_entry WHERE processor_name = ? AND token_type = ?",
                (rs, i) -> rs.getBytes(1),
                processor,
                GapAwareTrackingToken.class.getName());
    }
}
