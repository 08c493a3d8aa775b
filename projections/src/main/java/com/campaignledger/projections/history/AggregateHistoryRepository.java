package com.campaignledger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The history of one aggregate (an agent, an agent group) read straight from the event store by its identifier:
 * its events are few, and the store's (aggregate, sequence) key finds them in order, so it needs no index of
 * its own.
 */
@Repository
public class AggregateHistoryRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public AggregateHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The payload type of the aggregate's newest event among {@code payloadTypes}, empty when it has none of them.
     * Read from the store, so it knows an event appended a moment ago that the read models have not taken yet.
     */
    public Optional<String> newestOf(String aggregate, Collection<String> payloadTypes) {
        String in = String.join(", ", Collections.nCopies(payloadTypes.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(aggregate);
        args.addAll(payloadTypes);
        return jdbc
                .queryForList(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type IN ("
                                + in + ") ORDER BY sequence_number DESC LIMIT 1",
                        String.class,
                        args.toArray())
                .stream()
                .findFirst();
    }

    /**
     * The account named by the aggregate's first event (the creation of a campaign, an agent or a group, each with
     * its {@code accountId}), empty when there is no such aggregate. Read from the store, not a read model, so it
     * knows an aggregate created a moment ago.
     */
    public Optional<String> accountOf(String aggregate) {
        List<byte[]> first = jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? " + "AND sequence_number = 0",
                byte[].class,
                aggregate);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode account = JSON.readTree(first.get(0)).get("accountId");
            return account == null || account.isNull() ? Optional.empty() : Optional.of(account.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One page of the aggregate's events in order; the actor is read from each event's metadata. */
    public HistoryPage find(String aggregate, int page, int size) {
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregate);
        List<HistoryRecord> rows = jdbc.query(
                "SELECT global_index, time_stamp, payload_type, sequence_number, payload, "
                        + "meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, n) -> record(rs, aggregate),
                aggregate,
                (long) page * size,
                size);
        return new HistoryPage(rows, page, size, total);
    }

    /** Up to {@code size} of the aggregate's events after its event number {@code afterSequence}: for exports. */
    public List<HistoryRecord> after(String aggregate, long afterSequence, int size) {
        return jdbc.query(
                "SELECT global_index, time_stamp, payload_type, sequence_number, payload, meta_data "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number > ? "
                        + "ORDER BY sequence_number FETCH FIRST ? ROWS ONLY",
                (rs, n) -> record(rs, aggregate),
                aggregate,
                afterSequence,
                size);
    }

    private static HistoryRecord record(java.sql.ResultSet rs, String aggregate) throws java.sql.SQLException {
        String metaData = text(rs.getBytes("meta_data"));
        return new HistoryRecord(
                rs.getLong("global_index"),
                Instant.parse(rs.getString("time_stamp")),
                EventTypes.nameOf(rs.getString("payload_type")),
                aggregate,
                rs.getLong("sequence_number"),
                actorOf(metaData),
                text(rs.getBytes("payload")),
                metaData);
    }

    private static String actorOf(String metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode actor = JSON.readTree(metaData).get("actor");
            return actor == null || actor.isNull() ? null : actor.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
