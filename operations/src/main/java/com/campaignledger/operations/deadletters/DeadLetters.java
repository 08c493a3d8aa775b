package com.campaignledger.operations.deadletters;

import com.campaignledger.kernel.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events the processors could not handle (Axon's dead-letter queues, table {@code dead_letter_entry}): counted for
 * health and meters, listed, retried and evicted for operators (docs/operations.md, "Dead letters").
 * <p>
 * A processor's letters form sequences, one per aggregate: the event that failed and the later events of the same
 * aggregate that wait behind it. Its other aggregates go on.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final DeadLetterSchema schema;
    private volatile Counted last;

    private record Counted(long takenAt, Map<String, Summary> summaries) {}

    /**
     * One processor's dead letters at a glance.
     *
     * @param letters   events waiting in its queue
     * @param sequences aggregates whose events wait
     * @param oldest    the letter that has waited longest: the first failure to look at
     */
    public record Summary(String processor, long letters, long sequences, Letter oldest) {}

    /** One aggregate's waiting events in one processor, the failed one first. */
    public record Sequence(String processor, String sequence, List<Letter> letters) {}

    /**
     * One event in a dead-letter queue.
     *
     * @param index                   its place in the sequence (0: the event that failed)
     * @param eventType               the event's class, without its package
     * @param aggregateSequenceNumber the event's number within its aggregate
     * @param causeType               why it was dead-lettered; null for an event that waits behind the failed one
     */
    public record Letter(
            Long index,
            String eventIdentifier,
            String eventType,
            String aggregateIdentifier,
            Long aggregateSequenceNumber,
            Instant timestamp,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}

    /**
     * What a retry did.
     *
     * @param sequences sequences tried
     * @param succeeded sequences whose every event was handled this time, and left the queue
     * @param remaining letters still in the processor's queue
     * @param failures  why the sequences that failed again failed
     */
    public record RetryOutcome(String processor, int sequences, int succeeded, long remaining, List<String> failures) {}

    public DeadLetters(
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            JdbcTemplate jdbc,
            DeadLetterSchema schema) {
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** Every processor with letters, at most a second old: health and the meters read it often. */
    public Map<String, Summary> summaries() {
        Counted counted = last;
        long now = System.nanoTime();
        if (counted == null || now - counted.takenAt() > REUSE_NANOS) {
            counted = new Counted(now, count());
            last = counted;
        }
        return counted.summaries();
    }

    /** The letters of every processor, or of one, by sequence. */
    public List<Sequence> list(Optional<String> processor) {
        List<Sequence> sequences = new ArrayList<>();
        for (String name : processor.map(List::of).orElseGet(this::processorsWithQueues)) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                List<Letter> letters = StreamSupport.stream(sequence.spliterator(), false)
                        .map(DeadLetters::letter)
                        .toList();
                if (!letters.isEmpty()) {
                    sequences.add(
                            new Sequence(name, sequenceOf(sequence.iterator().next()), letters));
                }
            }
        }
        return sequences;
    }

    /**
     * Hands every sequence of a processor to its handlers again, the failed event first. A sequence whose events are
     * all handled leaves the queue (its model has caught up with that aggregate); one that fails again stays, with
     * the new cause.
     */
    public RetryOutcome retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> handlers = processing
                .sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new ResourceNotFoundException("no dead-letter queue for processor " + processor));
        List<String> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            var letters = sequence.iterator();
            if (letters.hasNext()) {
                sequences.add(sequenceOf(letters.next()));
            }
        }
        int succeeded = 0;
        List<String> failures = new ArrayList<>();
        for (String sequence : sequences) {
            try {
                if (handlers.process(letter -> sequence.equals(sequenceOf(letter)))) {
                    succeeded++;
                } else {
                    failures.add(sequence + ": " + firstCause(queue, sequence));
                }
            } catch (RuntimeException e) {
                log.warn("Retry of the dead letters of {} in {} failed", sequence, processor, e);
                failures.add(sequence + ": " + firstCause(queue, sequence) + " (" + e.getMessage() + ")");
            }
        }
        last = null;
        return new RetryOutcome(processor, sequences.size(), succeeded, queue.size(), failures);
    }

    /**
     * Takes an aggregate's letters out of a processor's queue without handling them: that model no longer shows
     * those events until it is replayed. Returns how many letters were evicted.
     */
    public int evict(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        int evicted = transactions.fetchInTransaction(() -> {
            int count = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
                queue.evict(letter);
                count++;
            }
            return count;
        });
        if (evicted == 0) {
            throw new ResourceNotFoundException("no dead letters of " + sequence + " in processor " + processor);
        }
        log.warn(
                "{} dead letters of {} evicted from {}: that model misses them until it is replayed",
                evicted,
                sequence,
                processor);
        last = null;
        return evicted;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing
                .deadLetterQueue(processor)
                .orElseThrow(() -> new ResourceNotFoundException("no dead-letter queue for processor " + processor));
    }

    private List<String> processorsWithQueues() {
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .toList();
    }

    private String firstCause(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            return letter.cause().map(c -> c.type() + ": " + c.message()).orElse("no cause recorded");
        }
        return "handled";
    }

    private Map<String, Summary> count() {
        Map<String, Summary> summaries = new TreeMap<>();
        String table = schema.deadLetterTable();
        jdbc.query(
                "SELECT " + schema.processingGroupColumn() + ", COUNT(*), COUNT(DISTINCT "
                        + schema.sequenceIdentifierColumn() + ") FROM " + table + " GROUP BY "
                        + schema.processingGroupColumn(),
                row -> {
                    String processor = row.getString(1);
                    summaries.put(processor, new Summary(processor, row.getLong(2), row.getLong(3), oldest(processor)));
                });
        return summaries;
    }

    /** The letter that has waited longest, read without deserializing any event. */
    private Letter oldest(String processor) {
        List<Letter> oldest = jdbc.query(
                "SELECT "
                        + String.join(
                                ", ",
                                schema.sequenceIndexColumn(),
                                schema.eventIdentifierColumn(),
                                schema.payloadTypeColumn(),
                                schema.aggregateIdentifierColumn(),
                                schema.sequenceNumberColumn(),
                                schema.timestampColumn(),
                                schema.enqueuedAtColumn(),
                                schema.lastTouchedColumn(),
                                schema.causeTypeColumn(),
                                schema.causeMessageColumn())
                        + " FROM " + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?"
                        + " ORDER BY " + schema.enqueuedAtColumn() + ", " + schema.sequenceIndexColumn() + " LIMIT 1",
                (row, n) -> new Letter(
                        row.getLong(1),
                        row.getString(2),
                        simpleName(row.getString(3)),
                        row.getString(4),
                        row.getObject(5) == null ? null : row.getLong(5),
                        instant(row.getString(6)),
                        instant(row.getString(7)),
                        instant(row.getString(8)),
                        row.getString(9),
                        row.getString(10)),
                processor);
        return oldest.isEmpty() ? null : oldest.get(0);
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> jdbcLetter) {
            return jdbcLetter.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event
                ? event.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new Letter(
                letter instanceof JdbcDeadLetter<?> j ? j.getSequenceIndex() : null,
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                event.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null));
    }
}
