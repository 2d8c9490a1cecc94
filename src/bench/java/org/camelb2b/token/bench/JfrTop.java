package org.camelb2b.token.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flat profile of CPU samples: of a JFR recording's {@code jdk.ExecutionSample} events, or of
 * async-profiler's collapsed stacks ({@code *.collapsed}). It prints the methods the samples were
 * in (self), the code responsible, grouped by package: for each sample, the first frame outside
 * the JDK ({@code java.}, {@code jdk.}, {@code sun.}, {@code com.sun.}), so time in a
 * {@code HashMap} counts for whoever used it, and the methods on the stacks (total).
 *
 * <pre>java -cp ... org.camelb2b.token.bench.JfrTop recording.jfr|stacks.collapsed [rows]</pre>
 */
final class JfrTop {

    private final Map<String, Long> self = new HashMap<>();
    private final Map<String, Long> total = new HashMap<>();
    private final Map<String, Long> owner = new HashMap<>();
    private final Map<String, Long> selfPackage = new HashMap<>();
    private long samples;

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25, t -> true, System.out);
    }

    /**
     * Prints the profile in {@code file}: a JFR recording (the samples of the threads
     * {@code threads} accepts, by Java thread id) or async-profiler's collapsed stacks.
     */
    static void print(Path file, int rows, Predicate<Long> threads, PrintStream out) throws IOException {
        JfrTop top = new JfrTop();
        if (file.toString().endsWith(".jfr")) {
            top.readJfr(file, threads);
        } else {
            top.readCollapsed(file);
        }
        top.print(rows, out);
    }

    private void readJfr(Path recording, Predicate<Long> threads) throws IOException {
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            if (e.getThread("sampledThread") != null && !threads.test(e.getThread("sampledThread").getJavaThreadId())) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : st.getFrames()) {
                RecordedMethod m = f.getMethod();
                frames.add(m.getType().getName() + "." + m.getName());
            }
            add(frames, 1);
        }
    }

    /**
     * The parts of a request's CPU, in the order a stack is attributed (the first part with a
     * frame on the stack takes it): this bundle's steps, camel-http's producer, Micrometer, the
     * rest of Camel, and the rest (Vert.x and Netty I/O, the in-process stub, JVM).
     */
    private static final String[][] PARTS = {
        {"signing step (PaymentSigner)", "payment.PaymentSigner."},
        {"answer's code (PaymentResponseReader)", "payment.PaymentResponseReader."},
        {"gateway request mapping (GatewayRequest)", "gateway.GatewayRequest."},
        {"gateway answer (GatewayResponse)", "gateway.GatewayResponse."},
        {"caller's headers aside and back (CallerHeaders)", "payment.CallerHeaders"},
        {"call permit (CallPermit)", "payment.CallPermit"},
        {"camel-http producer (request, client, answer)", "component.http.HttpProducer."},
        {"Micrometer (route policy, exchange events)", "micrometer"},
        {"Camel routing (everything else of Camel's)", "org.apache.camel."},
        {"Vert.x, Netty, stub, JVM (the rest)", ""},
    };

    /**
     * CPU microseconds per request by part ({@link #PARTS}), from async-profiler's collapsed CPU
     * samples (one sample a millisecond of CPU, all threads) taken while {@code requests} were served.
     */
    static Map<String, Double> perRequest(Path collapsed, double requests) throws IOException {
        Map<String, Double> micros = new java.util.LinkedHashMap<>();
        for (String[] part : PARTS) {
            micros.put(part[0], 0.0);
        }
        double all = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String stack = line.substring(0, space).replace('/', '.');
            double us = Long.parseLong(line.substring(space + 1).trim()) * 1000.0 / requests;
            all += us;
            for (String[] part : PARTS) {
                if (stack.contains(part[1])) {
                    micros.merge(part[0], us, Double::sum);
                    break;
                }
            }
        }
        micros.put("total", all);
        return micros;
    }

    /** async-profiler's collapsed format: {@code root;...;leaf count}, one stack a line. */
    private void readCollapsed(Path stacks) throws IOException {
        for (String line : Files.readAllLines(stacks)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (String f : line.substring(0, space).split(";")) {
                // Java frames come as java/lang/String.equals (with _[j], _[i] annotations when asked)
                frames.add(f.replaceAll("_\\[[a-z0-9]+\\]$", "").replace('/', '.'));
            }
            Collections.reverse(frames);
            add(frames, Long.parseLong(line.substring(space + 1).trim()));
        }
    }

    /** One stack, leaf first. */
    private void add(List<String> frames, long weight) {
        samples += weight;
        self.merge(frames.get(0), weight, Long::sum);
        selfPackage.merge(packageOf(frames.get(0)), weight, Long::sum);
        Set<String> seen = new HashSet<>();
        String responsible = null;
        for (String f : frames) {
            if (seen.add(f)) {
                total.merge(f, weight, Long::sum);
            }
            if (responsible == null && f.contains(".") && !jdk(f)) {
                responsible = packageOf(f);
            }
        }
        owner.merge(responsible == null ? "(JDK, JVM or kernel only)" : responsible, weight, Long::sum);
    }

    private void print(int rows, PrintStream out) {
        out.printf("%d samples%n", samples);
        table(out, "self, by method", self, rows);
        table(out, "self, by package", selfPackage, rows);
        table(out, "by the first package outside the JDK on the stack", owner, rows);
        table(out, "total (on the stack), by method", total, rows * 3);
    }

    private void table(PrintStream out, String title, Map<String, Long> counts, int rows) {
        out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(rows).forEach(en -> out.printf("%6.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
    }

    /** The package of a {@code pkg.Type.method} frame; a native frame (no dot) is its own. */
    private static String packageOf(String frame) {
        int method = frame.lastIndexOf('.');
        if (method < 0 || frame.contains("::") || frame.contains("(")) {
            return "(native: JVM, libc, kernel)";
        }
        int type = frame.lastIndexOf('.', method - 1);
        return type < 0 ? frame.substring(0, method) : frame.substring(0, type);
    }

    private static boolean jdk(String f) {
        return f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("com.sun.");
    }
}
