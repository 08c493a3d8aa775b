package com.campaignledger.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * Axon's aggregate cache on Caffeine: at most {@code maximumSize} entries, least recently used out first, each
 * held by a soft reference so the collector takes them back only when memory runs short.
 * <p>
 * Axon's {@code WeakReferenceCache} lost a campaign at almost every young collection (the repository stores a new
 * cache entry object after each command, reachable from nothing else), so a busy 100,000-number campaign was
 * reloaded from its snapshot, hundreds of milliseconds of JSON, on most commands.
 * <p>
 * With several instances, another instance may have written past the copy kept here. Axon's caching repository would
 * judge the next command on that copy: a command its stale state refuses is refused wrongly (a call reported to a
 * campaign started again elsewhere, an agent's response to a call connected elsewhere); only a command it accepts
 * collides on the event's sequence number. So a copy is handed out only while it is as new as the store says
 * ({@link StoredVersion}, one indexed lookup, far cheaper than loading the aggregate); otherwise it is dropped and
 * the aggregate loaded from the store. A copy whose transaction rolled back is dropped too.
 */
final class CaffeineAggregateCache implements Cache {

    /** The sequence number of an aggregate's last stored event; null when it has none. */
    @FunctionalInterface
    interface StoredVersion {
        Long of(String aggregateIdentifier);
    }

    /** Axon keeps the version of a cached aggregate in a private field of its cache entry. */
    private static final Field CACHED_VERSION = cachedVersionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final ConcurrentMap<Object, Object> map;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final StoredVersion stored;

    /** A cache that trusts its copies: for one instance alone (and tests). */
    CaffeineAggregateCache(long maximumSize) {
        this(maximumSize, null);
    }

    CaffeineAggregateCache(long maximumSize, StoredVersion stored) {
        this.stored = stored;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .softValues()
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
        this.map = entries.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null && stale(key, value)) {
            remove(key);
            return null;
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = map.put(key, value);
        // A copy put by a command of a transaction that then rolls back holds events the store never got.
        AfterCommit.onRollback(() -> {
            if (map.remove(key, value)) {
                listeners.forEach(l -> l.onEntryRemoved(key));
            }
        });
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = map.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalArgumentException(
                        "Value Supplier of Cache produced a null value for key [" + key + "]!");
            }
            listeners.forEach(l -> l.onEntryCreated(key, value));
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = map.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        map.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated = map.computeIfPresent(key, (k, v) -> update.apply((V) v));
        if (updated != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, updated));
        }
    }

    /**
     * Whether the store's last event of the aggregate is another than the cached copy's: a later one (another
     * instance wrote), or an earlier one (the copy's own events were rolled back).
     */
    private boolean stale(Object key, Object value) {
        if (stored == null || !(key instanceof String id) || !(value instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        Long latest = stored.of(id);
        Long cached = cachedVersion(entry);
        return !Objects.equals(latest, cached);
    }

    static Long cachedVersion(AggregateCacheEntry<?> entry) {
        try {
            return (Long) CACHED_VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the version of a cached aggregate", e);
        }
    }

    private static Field cachedVersionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    /** Carries out the evictions Caffeine has pending (it runs them asynchronously otherwise). */
    void cleanUp() {
        entries.cleanUp();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
