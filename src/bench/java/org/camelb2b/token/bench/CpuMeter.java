package org.camelb2b.token.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Where the machine's CPU went during a round: busy share of all cores ({@code /proc/stat}), the
 * JVM's own CPU time (the app and the stub), and one thread's (the stub's event loop); the rest
 * of the busy time is wrk and the kernel outside this process.
 */
final class CpuMeter {

    /** A reading; {@link #since} gives the shares between two readings, in cores. */
    record Reading(long wallNanos, long busyTicks, long totalTicks, long jvmNanos, long stubNanos, long gcMillis) {

        Usage since(Reading start) {
            double wall = wallNanos - start.wallNanos;
            long total = totalTicks - start.totalTicks;
            double busyShare = total == 0 ? 0 : (busyTicks - start.busyTicks) / (double) total;
            return new Usage(busyShare * CORES, (jvmNanos - start.jvmNanos) / wall, (stubNanos - start.stubNanos) / wall,
                    (gcMillis - start.gcMillis) * 1e6 / wall);
        }
    }

    /**
     * Cores in use on average: the whole machine, this JVM, the stub's thread (part of the
     * JVM's); and the share of the time the JVM's collectors reported (pauses and concurrent work).
     */
    record Usage(double machine, double jvm, double stub, double gc) {
    }

    static final int CORES = Runtime.getRuntime().availableProcessors();

    private final LongSupplier stubCpu;

    CpuMeter(LongSupplier stubCpu) {
        this.stubCpu = stubCpu;
    }

    Reading read() throws IOException {
        long busy = 0;
        long total = 0;
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0); // cpu user nice system idle iowait irq softirq steal
        String[] f = cpu.trim().split("\\s+");
        for (int i = 1; i < f.length && i <= 8; i++) {
            long t = Long.parseLong(f[i]);
            total += t;
            if (i != 4 && i != 5) {
                busy += t;
            }
        }
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gc = 0;
        for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
        }
        return new Reading(System.nanoTime(), busy, total, jvm, stubCpu.getAsLong(), gc);
    }
}
