package org.camelb2b.token.cache;

/** Runs the cache's timed work (refresh ahead, retries); tests drive it with a fake clock. */
public interface Scheduler {

    /** Runs {@code task} once, after {@code delayNanos}; returns a handle to cancel it. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled task that has not run yet can be cancelled. */
    interface Cancellable {
        void cancel();
    }

    /** A scheduler on a {@link java.util.concurrent.ScheduledExecutorService}. */
    static Scheduler of(java.util.concurrent.ScheduledExecutorService executor) {
        return (task, delayNanos) -> {
            var future = executor.schedule(task, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
