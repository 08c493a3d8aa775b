package com.campaignledger.projections.replay;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds a read model whose handlers fold a few kinds of events into rows (the campaign view, the agent sessions)
 * by handing them only the events they handle: the event table is filtered by payload type in SQL, so the events the
 * model ignores (most of them: dial results) never leave the database, and the handlers themselves, the one
 * definition of the model, write the rows, through Axon's own handler adapter.
 * <p>
 * Ranges must come in order ({@link #ordered()}): a handler skips an event at or below the last sequence number it
 * applied to a row, so an older event handed over after a newer one would be lost. Each row folds one aggregate's
 * events, so the aggregates may be shared out and their shares rebuilt side by side ({@link #partitionable()}).
 */
public class EventHandlerRebuild implements SetBasedRebuild {

    private final String processingGroup;
    private final AnnotationEventHandlerAdapter handlers;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String sql;
    private final String partitionSql;
    private final List<String> payloadTypes;

    public EventHandlerRebuild(String processingGroup, Object projection, JdbcTemplate jdbc, Serializer serializer) {
        this.processingGroup = processingGroup;
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.payloadTypes = handledPayloadTypes(projection.getClass());
        String sql = "SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "WHERE global_index BETWEEN ? AND ? AND payload_type IN ("
                + String.join(",", Collections.nCopies(payloadTypes.size(), "?")) + ")";
        this.partitionSql =
                sql + " AND mod(substring(aggregate_identifier FROM '[0-9]+$')::bigint, ?) = ? ORDER BY global_index";
        this.sql = sql + " ORDER BY global_index";
    }

    /** The payload classes of the projection's event handlers (the payload types the event table names). */
    static List<String> handledPayloadTypes(Class<?> projection) {
        List<String> types = new ArrayList<>();
        for (Method method : projection.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class)) {
                Class<?> payload = method.getParameterTypes()[0];
                if (DomainEventMessage.class.isAssignableFrom(payload) || payload == Object.class) {
                    throw new IllegalArgumentException(projection.getName() + "." + method.getName()
                            + " handles every event: it cannot be fed by payload type");
                }
                types.add(payload.getName());
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException(projection.getName() + " has no event handler");
        }
        return types.stream().distinct().sorted().toList();
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    /** Every row folds the events of one aggregate (a campaign, an agent session): aggregates are shared by number. */
    @Override
    public boolean partitionable() {
        return true;
    }

    @Override
    public long rebuild(long from, long to) {
        return apply(
                sql, Stream.concat(Stream.of(from, to), payloadTypes.stream()).toArray());
    }

    @Override
    public long rebuild(long from, long to, int partition, int partitions) {
        return apply(
                partitionSql,
                Stream.of(Stream.of(from, to), payloadTypes.stream(), Stream.of(partitions, partition))
                        .flatMap(s -> s)
                        .toArray());
    }

    private long apply(String query, Object[] args) {
        long[] handled = {0};
        jdbc.query(
                query,
                rs -> {
                    DomainEventData<byte[]> entry = new GenericDomainEventEntry<>(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getBytes(9),
                            rs.getBytes(10));
                    DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                            Stream.of(entry), serializer, NoOpEventUpcaster.INSTANCE);
                    while (events.hasNext()) {
                        try {
                            handlers.handle(events.next());
                        } catch (Exception e) {
                            throw new IllegalStateException(
                                    "event " + rs.getLong(1) + " could not be applied to " + processingGroup, e);
                        }
                        handled[0]++;
                    }
                },
                args);
        return handled[0];
    }
}
