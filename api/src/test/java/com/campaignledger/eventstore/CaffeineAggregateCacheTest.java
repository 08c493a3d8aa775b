package com.campaignledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

class CaffeineAggregateCacheTest {

    @Test
    void anEntryNothingElseHoldsSurvivesACollectionWhereAWeakReferenceCacheLosesIt() {
        Cache caffeine = new CaffeineAggregateCache(10);
        Cache weak = new WeakReferenceCache();
        // What Axon's repository does after each command: a new entry object, referenced by the cache alone.
        caffeine.put("campaign-1", new StringBuilder("state"));
        weak.put("campaign-1", new StringBuilder("state"));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(weak.<String, Object>get("campaign-1"))
                .as("the weak cache's entry")
                .isNull();
        assertThat(caffeine.<String, Object>get("campaign-1")).hasToString("state");
    }

    @Test
    void putGetRemoveAndListeners() {
        Cache cache = new CaffeineAggregateCache(10);
        List<String> seen = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.<Integer>computeIfAbsent("c", () -> 5)).isEqualTo(5);
        assertThat(cache.<Integer>computeIfAbsent("c", () -> 6)).isEqualTo(5);
        cache.<Integer>computeIfPresent("c", v -> v + 1);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(6);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.containsKey("b")).isTrue();
        cache.removeAll();
        assertThat(cache.containsKey("b")).isFalse();
        assertThatThrownBy(() -> cache.computeIfAbsent("d", () -> null)).isInstanceOf(IllegalArgumentException.class);
        registration.cancel();
        cache.put("e", 7);
        assertThat(seen)
                .containsExactly(
                        "created a",
                        "updated a",
                        "created b",
                        "created c",
                        "updated c",
                        "removed a",
                        "removed b",
                        "removed c");
    }

    @Test
    void itHoldsNoMoreEntriesThanItsSize() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(2);
        for (int i = 0; i < 50; i++) {
            cache.put("campaign-" + i, i);
        }
        // Caffeine evicts asynchronously: the bound holds once it has caught up.
        cache.cleanUp();
        int kept = 0;
        for (int i = 0; i < 50; i++) {
            kept += cache.containsKey("campaign-" + i) ? 1 : 0;
        }
        assertThat(kept).isLessThanOrEqualTo(2);
    }
}
