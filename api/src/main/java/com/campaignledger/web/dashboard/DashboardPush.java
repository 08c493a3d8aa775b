package com.campaignledger.web.dashboard;

import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.projections.dashboard.DashboardFeed;
import com.campaignledger.projections.dashboard.DashboardSnapshots;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live figures as server-sent events, one stream per open page: a stream holds no request thread
 * while it waits, a session has a few at most, and they end with it (sign-out, expiry).
 */
@Component
class DashboardPush implements HttpSessionListener {

    /** Streams one session may hold at once: a few tabs. */
    static final int STREAMS_PER_SESSION = 3;

    /** The browser's EventSource opens a new stream when one ends: no stream lives for ever. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final DashboardFeed feed;

    DashboardPush(DashboardSnapshots snapshots, CallFlowClock clock) {
        this.feed = new DashboardFeed(snapshots, clock, STREAMS_PER_SESSION);
    }

    /** A new stream of the account's figures for this session; empty when the session has its share already. */
    Optional<SseEmitter> open(String sessionId, String accountId) {
        Stream stream = new Stream(new SseEmitter(STREAM_LIFETIME.toMillis()));
        stream.emitter().onCompletion(() -> feed.unsubscribe(sessionId, stream));
        stream.emitter().onTimeout(stream::end);
        stream.emitter().onError(error -> feed.unsubscribe(sessionId, stream));
        return feed.subscribe(sessionId, accountId, stream) ? Optional.of(stream.emitter()) : Optional.empty();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        feed.endGroup(event.getSession().getId());
    }

    @PreDestroy
    void stop() {
        feed.stop();
    }

    private record Stream(SseEmitter emitter) implements DashboardFeed.Subscriber {

        @Override
        public boolean deliver(String event, Object data) {
            try {
                emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                return true;
            } catch (IOException | IllegalStateException e) {
                // The browser has gone.
                return false;
            }
        }

        @Override
        public void end() {
            emitter.complete();
        }
    }
}
