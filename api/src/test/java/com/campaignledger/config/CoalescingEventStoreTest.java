package com.campaignledger.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingEventStoreTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private EmbeddedEventStore store;

    private EmbeddedEventStore store(Duration wakeDelay) {
        // The reader looks for events on its own only once an hour: whatever arrives comes through the wake-ups.
        store = new CoalescingEventStore(EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(1).timeUnit(TimeUnit.HOURS), wakeDelay);
        return store;
    }

    @AfterEach
    void shutDown() {
        if (store != null) {
            store.shutDown();
        }
    }

    @Test
    void everyCommitReachesATailingConsumerThoughWakeUpsAreShared() throws Exception {
        EmbeddedEventStore events = store(Duration.ofMillis(20));
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null);
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int publisher = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    events.publish(GenericEventMessage.asEventMessage("event " + publisher + "-" + i));
                    try {
                        // Some commits land while a wake-up is pending, some just after it went.
                        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 30));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            publishers.add(thread);
            thread.start();
        }
        for (Thread thread : publishers) {
            thread.join();
        }
        List<Object> received = new ArrayList<>();
        while (received.size() < 100 && stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
            received.add(stream.nextAvailable().getPayload());
        }
        assertThat(received).hasSize(100);
        stream.close();
    }
}
