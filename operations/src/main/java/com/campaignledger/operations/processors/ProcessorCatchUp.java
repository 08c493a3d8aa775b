package com.campaignledger.operations.processors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read models follow the event store a moment behind the commands: a request that finds a campaign missing or in
 * the wrong state may only be early, right after the command that changed it was acknowledged. Before such a
 * request is refused, it waits (bounded) until the read model's processor has followed the store up to the newest
 * event stored when asked, and looks again. Positions are read from the processor's token rows, written in the
 * transaction of the rows they cover, so this holds on every instance. Asked only on the rare path of a refusal.
 */
@Component
public class ProcessorCatchUp {

    /** How long a request waits for a read model before it is refused: well above the lag under full load. */
    public static final Duration REQUEST_WAIT = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public ProcessorCatchUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** As {@link #await(String, Duration)}, for a request: at most {@link #REQUEST_WAIT}. */
    public boolean await(String processor) {
        return await(processor, REQUEST_WAIT);
    }

    /**
     * Waits, at most {@code max}, until {@code processor} has followed the event stream up to the newest event
     * stored now.
     *
     * @return whether the processor was behind and has caught up (worth a second look)
     */
    public boolean await(String processor, Duration max) {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (head == null || position(processor) >= head) {
            return false;
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(10);
                if (position(processor) >= head) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The global index every segment of the processor has reached; -1 when unknown (not started, or replaying). */
    long position(String processor) {
        List<byte[]> tokens = jdbc.query(
                "SELECT token FROM token_entry WHERE processor_name = ? AND token_type = ?",
                (rs, i) -> rs.getBytes(1),
                processor,
                GapAwareTrackingToken.class.getName());
        long position = -1;
        for (byte[] token : tokens) {
            try {
                long index =
                        token == null ? -1 : JSON.readTree(token).path("index").asLong(-1);
                position = position == -1 ? index : Math.min(position, index);
            } catch (IOException e) {
                return -1;
            }
        }
        return position;
    }
}
