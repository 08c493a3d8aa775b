package com.campaignledger.projections.replay;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds a read model whose handlers fold a few kinds of events into rows (the campaign view, the agent sessions)
 * by handing them only the events they handle: the event table is filtered by payload type in SQL, so the events the
 * model ignores (most of them: dial results) never leave the database, and the handlers themselves, the one
 * definition of the model, write the rows, through Axon's own handler adapter.
 * <p>
 * Ranges must come in order, one at a time ({@link #ordered()}): a handler skips an event at or below the last
 * sequence number it applied to a row, so an older event handed over after a newer one would be lost.
 */
public class EventHandlerRebuild implements SetBasedRebuild {

    private final String processingGroup;
    private final AnnotationEventHandlerAdapter handlers;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String sql;
    private final List<String> payloadTypes;

    public EventHandlerRebuild(String processingGroup, Object projection, JdbcTemplate jdbc, Serializer serializer) {
        this.processingGroup = processingGroup;
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.payloadTypes = handledPayloadTypes(projection.getClass());
        this.sql = "SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "WHERE global_index BETWEEN ? AND ? AND payload_type IN ("
                + String.join(",", Collections.nCopies(payloadTypes.size(), "?")) + ") ORDER BY global_index";
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

    @Override
    public long rebuild(long from, long to) {
        Object[] args = Stream.concat(Stream.of(from, to), payloadTypes.stream()).toArray();
        long[] handled = {0};
        jdbc.query(sql, rs -> {
            DomainEventData<byte[]> entry = new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                    NoOpEventUpcaster.INSTANCE);
            while (events.hasNext()) {
                try {
                    handlers.handle(events.next());
                } catch (Exception e) {
                    throw new IllegalStateException("event " + rs.getLong(1) + " could not be applied to " + processingGroup, e);
                }
                handled[0]++;
            }
        }, args);
        return handled[0];
    }
}
