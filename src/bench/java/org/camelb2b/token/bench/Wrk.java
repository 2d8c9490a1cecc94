package org.camelb2b.token.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The load generator of the gateway benchmark: wrk, a separate process outside the JVM measured,
 * with {@code wrk/post-json.lua} (a 1 KB JSON body POSTed as application/json on every request).
 * When wrk is not on the PATH and the benchmark runs as root on Debian, it is installed with
 * {@code apt-get install -y wrk}; otherwise the benchmark stops and says so.
 */
final class Wrk {

    /** One wrk run: completed requests, errors by kind, latency percentiles in microseconds. */
    record Result(long requests, long durationMicros, long errors, long non2xx, long p50, long p90, long p99, long max) {

        double perSecond() {
            return requests * 1_000_000.0 / durationMicros;
        }
    }

    private final String executable;
    private final Path script;
    private final Path body;

    private Wrk(String executable, Path script, Path body) {
        this.executable = executable;
        this.script = script;
        this.body = body;
    }

    /** wrk (installed when missing, if it can be) with the script and the body in a temporary folder. */
    static Wrk prepare(String jsonBody) throws Exception {
        String exe = find();
        Path dir = Files.createTempDirectory("bench-wrk");
        dir.toFile().deleteOnExit();
        Path script = dir.resolve("post-json.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/post-json.lua")) {
            if (in == null) {
                throw new IllegalStateException("wrk/post-json.lua is not on the classpath");
            }
            Files.copy(in, script);
        }
        Path body = dir.resolve("body.json");
        Files.writeString(body, jsonBody, StandardCharsets.UTF_8);
        script.toFile().deleteOnExit();
        body.toFile().deleteOnExit();
        return new Wrk(exe, script, body);
    }

    /**
     * Runs wrk against {@code url}: {@code threads} threads, {@code connections} keep-alive
     * connections, for {@code seconds}.
     */
    Result run(String url, int threads, int connections, int seconds) throws Exception {
        List<String> cmd = List.of(executable, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("WRK_BODY", body.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        Map<String, Long> v = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("WRK-RESULT ")) {
                for (String kv : line.substring("WRK-RESULT ".length()).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    v.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                }
            }
        }
        if (p.exitValue() != 0 || v.isEmpty()) {
            throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "):\n" + out);
        }
        long socketErrors = v.get("connect") + v.get("read") + v.get("write") + v.get("timeout");
        return new Result(v.get("requests"), v.get("duration_us"), socketErrors, v.get("status"), v.get("p50_us"),
                v.get("p90_us"), v.get("p99_us"), v.get("max_us"));
    }

    private static String find() throws IOException, InterruptedException {
        String found = onPath();
        if (found != null) {
            return found;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("wrk is not installed: apt-get install -y wrk");
            if (exec("apt-get", "install", "-y", "-q", "wrk") != 0) {
                exec("apt-get", "update", "-q");
                exec("apt-get", "install", "-y", "-q", "wrk");
            }
            found = onPath();
        }
        if (found == null) {
            throw new IllegalStateException("the gateway benchmark needs wrk on the PATH (Debian: apt-get install -y wrk)");
        }
        return found;
    }

    private static String onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static int exec(String... cmd) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cmd));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
