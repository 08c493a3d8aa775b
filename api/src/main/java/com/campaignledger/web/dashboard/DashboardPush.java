package com.campaignledger.web.dashboard;

import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.projections.dashboard.DashboardDetails;
import com.campaignledger.projections.dashboard.DashboardFeed;
import com.campaignledger.projections.dashboard.DashboardSnapshots;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live views as server-sent events (the figures, the open campaign's details, for ADMIN the
 * operations view), one stream per open page: a stream holds no request thread while it waits, a session has a few at
 * most, and they end with it (sign-out, expiry).
 */
@Component
class DashboardPush implements HttpSessionListener, SmartLifecycle {

    /** Streams one session may hold at once: a few tabs. */
    static final int STREAMS_PER_SESSION = 3;

    /** The browser's EventSource opens a new stream when one ends: no stream lives for ever. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final DashboardFeed feed;
    private volatile boolean running;

    DashboardPush(
            DashboardSnapshots snapshots,
            DashboardDetails details,
            DashboardOperations operations,
            CallFlowClock clock) {
        this.feed = new DashboardFeed(snapshots, details, operations, clock, STREAMS_PER_SESSION);
    }

    /**
     * A new stream of what the page watches, for this session, in place of the page's stream before; empty when the
     * session has its share of pages already.
     */
    Optional<SseEmitter> open(String sessionId, String page, DashboardFeed.Watching what) {
        Stream stream = new Stream(new SseEmitter(STREAM_LIFETIME.toMillis()));
        stream.emitter().onCompletion(() -> feed.unsubscribe(sessionId, stream));
        stream.emitter().onTimeout(stream::end);
        stream.emitter().onError(error -> feed.unsubscribe(sessionId, stream));
        return feed.subscribe(sessionId, page, what, stream) ? Optional.of(stream.emitter()) : Optional.empty();
    }

    /** Something moved that no read model's token shows (an operator's action): read again at the next look. */
    void nudge() {
        feed.nudge();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        feed.endGroup(event.getSession().getId());
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams as the service begins to stop, before the web server's graceful shutdown: an open stream
     * is a request in progress, which that shutdown would otherwise wait for until its time-out (30 s). The pages
     * reconnect, to another instance or to this one once it is back.
     */
    @Override
    public void stop() {
        running = false;
        feed.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server's graceful shutdown, which stops in a lower phase. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
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
