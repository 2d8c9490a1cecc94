package org.camelb2b.token.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/** A monotonic clock the test moves, and a scheduler that runs tasks when the clock passes them. */
final class FakeTime implements Ticker, Scheduler {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        final long due;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }
    }

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, long delayNanos) {
        Task t = new Task(nanos.get() + delayNanos, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward, running every task that falls due, in order. */
    void advance(Duration d) {
        long target = nanos.get() + d.toNanos();
        for (;;) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= target).min(Comparator.comparingLong(t -> t.due))
                        .orElse(null);
                if (next != null) {
                    tasks.remove(next);
                    nanos.set(Math.max(nanos.get(), next.due));
                }
            }
            if (next == null) {
                break;
            }
            next.run.run();
        }
        nanos.set(target);
    }

    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }
}
