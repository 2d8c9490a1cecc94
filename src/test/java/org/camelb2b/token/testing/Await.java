package org.camelb2b.token.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something the system under test does on its own (a warm-up, a background request,
 * a readiness change): polls the condition every 10 ms until it holds or the timeout passes, and
 * returns whether it held. The caller asserts the outcome, with its own message.
 */
public final class Await {

    private Await() {
    }

    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
