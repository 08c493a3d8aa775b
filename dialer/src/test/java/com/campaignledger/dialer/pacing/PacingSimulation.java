package com.campaignledger.dialer.pacing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A call center without telephony, for comparing pacing policies (docs/benchmarks.md, "Pacing"): {@code agents}
 * agents work 8 hours a day for {@code days} days; every second the policy says how many lines should be ringing and
 * the dialer dials the difference. A dial is answered live with probability {@code answerRate} after a lognormal ring
 * time, or ends unanswered (machine, busy, no answer) after 3 to 30 s. A live answer goes to a ready agent, or to the
 * first agent free within 2 s; otherwise it is dropped (the abandonment rule's 2 seconds). Talk times are lognormal
 * around {@code talkSeconds}, each followed by a wrap-up. Seeded: the same scenario and policy give the same run.
 */
final class PacingSimulation {

    /** A campaign's calling conditions. */
    record Scenario(String name, int agents, double answerRate, double talkSeconds, long seed) {}

    /** What a policy may look at when it decides. */
    interface View {
        double now();

        int ready();

        int busy();

        int ringing();

        int agents();

        /** Calls answered live and waiting (at most 2 s) for an agent. */
        int waiting();

        /** Live answers connected and dropped over the last {@code hours} hours of the run. */
        long[] lastHours(int hours);

        /** Live answers connected and dropped since the start of the current day. */
        long[] today();
    }

    /** A pacing policy: the lines that should be ringing now; told of what happens to learn from it. */
    interface Policy {
        int lines(View view);

        /** A dial ended: answered live after {@code ringSeconds}, or not answered. */
        default void dialEnded(boolean live, double ringSeconds) {}

        default void handled(double handleSeconds) {}

        default void dayStarted() {}
    }

    /** A run's outcome: occupancy = talk / (talk + wait); the drop rates of the whole run and its worst windows. */
    record Result(
            double occupancy,
            long connected,
            long dropped,
            double dropRate,
            double worst30DayRate,
            double worst24HourRate,
            long dials) {}

    static final int DAY_SECONDS = 86_400;
    static final int SHIFT_SECONDS = 8 * 3600;
    static final double WRAP_UP_SECONDS = 10;
    static final double ANSWER_WAIT_SECONDS = 2;
    static final double MEAN_SECONDS_TO_ANSWER = 12;

    private static final int LIVE = 0, UNANSWERED = 1, FREE = 2, GIVE_UP = 3;

    private record Event(double at, int kind, long id, double ring) {}

    private final Scenario scenario;
    private final int days;
    private final Policy policy;
    private final SplittableRandom random;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
    private final Deque<long[]> waiting = new ArrayDeque<>(); // {call id, deadline as double bits}
    private final long[] connectedPerHour;
    private final long[] droppedPerHour;

    private double now;
    private int ready;
    private int busy;
    private int ringing;
    private long nextId;
    private double talk;
    private double wait;
    private long dials;
    private double dayStart;

    PacingSimulation(Scenario scenario, int days, Policy policy) {
        this.scenario = scenario;
        this.days = days;
        this.policy = policy;
        this.random = new SplittableRandom(scenario.seed());
        this.connectedPerHour = new long[days * 24 + 1];
        this.droppedPerHour = new long[days * 24 + 1];
    }

    Result run() {
        for (int day = 0; day < days; day++) {
            dayStart = day * (double) DAY_SECONDS;
            double end = dayStart + SHIFT_SECONDS;
            now = dayStart;
            ready = scenario.agents();
            busy = 0;
            policy.dayStarted();
            for (double tick = dayStart; tick < end; tick += 1) {
                advance(tick);
                int lines = policy.lines(view);
                for (int i = ringing; i < lines; i++) {
                    dial();
                }
            }
            // The shift ends: no more dials; the calls under way end; the agents leave.
            advance(end);
            double lastWaitAt = now;
            while (!events.isEmpty()) {
                Event e = events.poll();
                now = e.at();
                handle(e);
            }
            ready = 0;
            busy = 0;
            now = Math.max(now, lastWaitAt);
        }
        long connected = sum(connectedPerHour, 0, connectedPerHour.length);
        long dropped = sum(droppedPerHour, 0, droppedPerHour.length);
        double worst30 = 0;
        for (int day = 1; day <= days; day++) {
            int to = day * 24;
            int from = Math.max(0, to - 30 * 24);
            worst30 = Math.max(worst30, rate(sum(connectedPerHour, from, to), sum(droppedPerHour, from, to)));
        }
        double worst24 = 0;
        for (int hour = 1; hour <= days * 24; hour++) {
            int from = Math.max(0, hour - 24);
            long c = sum(connectedPerHour, from, hour);
            long d = sum(droppedPerHour, from, hour);
            // A window of a handful of calls says nothing yet; the rule is measured over many.
            if (c + d >= 100) {
                worst24 = Math.max(worst24, rate(c, d));
            }
        }
        return new Result(talk / (talk + wait), connected, dropped, rate(connected, dropped), worst30, worst24, dials);
    }

    /** Handles every event up to {@code until}, counting the ready agents' waiting time on the way. */
    private void advance(double until) {
        while (!events.isEmpty() && events.peek().at() <= until) {
            Event e = events.poll();
            wait += ready * (e.at() - now);
            now = e.at();
            handle(e);
        }
        wait += ready * (until - now);
        now = until;
    }

    private void dial() {
        dials++;
        ringing++;
        long id = nextId++;
        if (random.nextDouble() < scenario.answerRate()) {
            double ring = Math.max(3, lognormal(MEAN_SECONDS_TO_ANSWER, 0.4));
            events.add(new Event(now + ring, LIVE, id, ring));
        } else {
            double ring = 3 + random.nextDouble() * 27;
            events.add(new Event(now + ring, UNANSWERED, id, ring));
        }
    }

    private void handle(Event e) {
        switch (e.kind()) {
            case LIVE -> {
                ringing--;
                policy.dialEnded(true, e.ring());
                if (ready > 0) {
                    connect();
                } else {
                    waiting.add(new long[] {e.id(), Double.doubleToLongBits(now + ANSWER_WAIT_SECONDS)});
                    events.add(new Event(now + ANSWER_WAIT_SECONDS, GIVE_UP, e.id(), 0));
                }
            }
            case UNANSWERED -> {
                ringing--;
                policy.dialEnded(false, e.ring());
            }
            case FREE -> {
                busy--;
                if (!waiting.isEmpty()) {
                    waiting.poll();
                    connect();
                } else {
                    ready++;
                }
            }
            case GIVE_UP -> {
                if (!waiting.isEmpty() && waiting.peek()[0] == e.id()) {
                    waiting.poll();
                    droppedPerHour[hour()]++;
                }
            }
            default -> throw new IllegalStateException("event " + e.kind());
        }
    }

    /** A ready agent (or one just free) takes the call. */
    private void connect() {
        if (ready > 0) {
            ready--;
        }
        busy++;
        connectedPerHour[hour()]++;
        double seconds = Math.max(5, lognormal(scenario.talkSeconds(), 0.6));
        talk += seconds;
        policy.handled(seconds + WRAP_UP_SECONDS);
        events.add(new Event(now + seconds + WRAP_UP_SECONDS, FREE, -1, 0));
    }

    private int hour() {
        return Math.min(connectedPerHour.length - 1, (int) (now / 3600));
    }

    /** Lognormal with this mean and shape. */
    private double lognormal(double mean, double sigma) {
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * gaussian());
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double rate(long connected, long dropped) {
        return connected + dropped == 0 ? 0 : (double) dropped / (connected + dropped);
    }

    private static long sum(long[] values, int from, int to) {
        long s = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            s += values[i];
        }
        return s;
    }

    private final View view = new View() {
        @Override
        public double now() {
            return now;
        }

        @Override
        public int ready() {
            return ready;
        }

        @Override
        public int busy() {
            return busy;
        }

        @Override
        public int ringing() {
            return ringing;
        }

        @Override
        public int agents() {
            return scenario.agents();
        }

        @Override
        public int waiting() {
            return waiting.size();
        }

        @Override
        public long[] lastHours(int hours) {
            int to = hour() + 1;
            return new long[] {sum(connectedPerHour, to - hours, to), sum(droppedPerHour, to - hours, to)};
        }

        @Override
        public long[] today() {
            int from = (int) (dayStart / 3600);
            int to = hour() + 1;
            return new long[] {sum(connectedPerHour, from, to), sum(droppedPerHour, from, to)};
        }
    };
}
