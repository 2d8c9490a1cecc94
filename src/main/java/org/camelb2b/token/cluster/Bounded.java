package org.camelb2b.token.cluster;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a cluster operation at most as long as our callers can wait. Hazelcast's own wait for
 * a member that stopped answering without closing its connections (frozen, or cut off by the
 * network) is its call timeout, 60 s, and such a member leaves the cluster only after the heartbeat
 * timeout; a payment caller waits 5 s for a token. An operation not answered in time is an
 * {@link Unanswered}: the stores treat it as the cluster being unreachable.
 */
final class Bounded {

    private Bounded() {
    }

    static <T> T await(CompletionStage<T> operation, long timeoutNanos) {
        long wait = Math.max(1, timeoutNanos);
        try {
            return operation.toCompletableFuture().get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new Unanswered(TimeUnit.NANOSECONDS.toMillis(wait));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered(0);
        }
    }

    /** What the stores log of a cluster failure: ours say what happened; Hazelcast's, their type. */
    static String describe(RuntimeException e) {
        return e instanceof Unanswered ? e.getMessage() : e.getClass().getName();
    }

    /** A cluster operation that got no answer in time. */
    static final class Unanswered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unanswered(long ms) {
            super("no answer from the cluster within " + ms + " ms", null, false, false);
        }
    }
}
