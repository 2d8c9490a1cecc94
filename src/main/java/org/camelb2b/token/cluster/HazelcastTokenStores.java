package org.camelb2b.token.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Hazelcast token store from the {@code b2b.cluster.*} settings ({@code b2b.token.store=hazelcast}):
 * on the {@link HazelcastInstance} the application has in its Camel registry, else on an embedded
 * member of its own (TCP/IP join on the listed members, multicast and auto-detection off).
 * Loaded only when that store is chosen, so the library needs no Hazelcast otherwise.
 */
public final class HazelcastTokenStores {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastTokenStores.class);

    public static final String NAME = "b2b.cluster.name";
    public static final String PORT = "b2b.cluster.port";
    public static final String MEMBERS = "b2b.cluster.members";
    public static final String SECRET = "b2b.cluster.secret";
    public static final String LEASE = "b2b.cluster.lease-ms";
    public static final String DEFAULT_NAME = "camel-b2b-token";
    public static final long DEFAULT_LEASE_MS = 3000;
    /** The shortest secret taken: it is the only thing between a cluster member and the tokens. */
    public static final int MIN_SECRET_LENGTH = 32;

    private HazelcastTokenStores() {
    }

    /** The settings, checked: every problem is added to {@code problems}, each under the setting's name. */
    public record Settings(String name, int port, List<String> members, String secret, Duration lease) {
        @Override
        public String toString() {
            return "Settings[name=" + name + ", port=" + port + ", members=" + members + ", lease=" + lease + "]";
        }
    }

    /**
     * The store, or null with {@code problems} added when a setting is missing or bad (all of them);
     * when {@code problems} has others already, the settings are checked and nothing is started.
     *
     * @param settings the value of a setting by its full name, empty when not set
     */
    public static HazelcastTokenStore create(CamelContext context, Function<String, Optional<String>> settings,
                                             List<String> problems) {
        HazelcastInstance existing = context == null ? null
                : context.getRegistry().findSingleByType(HazelcastInstance.class);
        boolean othersFailed = !problems.isEmpty();
        Settings s = settings(settings, existing == null, problems);
        if (s == null || othersFailed) {
            // checked, not started: startup fails on the problems
            return null;
        }
        if (existing != null) {
            LOG.info("token store: shared on the application's Hazelcast instance {} (cluster {})", existing.getName(),
                    existing.getConfig().getClusterName());
            return new HazelcastTokenStore(existing, false, s.secret(), s.lease());
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config(s));
        LOG.info("token store: shared on embedded Hazelcast member {} of cluster {} (members {})",
                member.getCluster().getLocalMember().getAddress(), s.name(), s.members());
        return new HazelcastTokenStore(member, true, s.secret(), s.lease());
    }

    /** The checked settings, or null with their problems added; {@code embedded}: the member's settings are needed. */
    static Settings settings(Function<String, Optional<String>> settings, boolean embedded, List<String> problems) {
        List<String> found = new ArrayList<>();
        String secret = settings.apply(SECRET).orElse("");
        if (secret.isBlank()) {
            found.add(SECRET + ": is required when b2b.token.store=hazelcast (the same on every member, at least "
                    + MIN_SECRET_LENGTH + " characters): the shared tokens are sealed with it");
        } else if (secret.length() < MIN_SECRET_LENGTH) {
            found.add(SECRET + ": must be at least " + MIN_SECRET_LENGTH + " characters, was " + secret.length());
        }
        String name = settings.apply(NAME).map(String::trim).filter(v -> !v.isEmpty()).orElse(DEFAULT_NAME);
        long lease = number(settings, LEASE, DEFAULT_LEASE_MS, 100, 600_000, found);
        int port = 0;
        List<String> members = List.of();
        if (embedded) {
            Optional<String> portText = settings.apply(PORT);
            if (portText.isEmpty() || portText.get().isBlank()) {
                found.add(PORT + ": is required when b2b.token.store=hazelcast and the application has no "
                        + "HazelcastInstance of its own (this member's port, e.g. 5701)");
            } else {
                port = (int) number(settings, PORT, 0, 1, 65535, found);
            }
            String list = settings.apply(MEMBERS).orElse("").trim();
            if (list.isEmpty()) {
                found.add(MEMBERS + ": is required when b2b.token.store=hazelcast and the application has no "
                        + "HazelcastInstance of its own (comma-separated host:port of the members, this one included)");
            } else {
                List<String> parsed = new ArrayList<>();
                for (String m : list.split(",")) {
                    String member = m.trim();
                    int colon = member.lastIndexOf(':');
                    boolean ok = colon > 0 && colon < member.length() - 1;
                    if (ok) {
                        try {
                            int p = Integer.parseInt(member.substring(colon + 1));
                            ok = p >= 1 && p <= 65535;
                        } catch (NumberFormatException e) {
                            ok = false;
                        }
                    }
                    if (ok) {
                        parsed.add(member);
                    } else {
                        found.add(MEMBERS + ": '" + member + "' is not host:port");
                    }
                }
                members = List.copyOf(parsed);
            }
        }
        problems.addAll(found);
        return found.isEmpty() ? new Settings(name, port, members, secret, Duration.ofMillis(lease)) : null;
    }

    private static long number(Function<String, Optional<String>> settings, String name, long dflt, long min, long max,
                               List<String> problems) {
        Optional<String> text = settings.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        if (text.isEmpty()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.get());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        problems.add(name + ": must be a whole number from " + min + " to " + max + ", was '" + text.get() + "'");
        return dflt;
    }

    /** The embedded member: TCP/IP join on the listed members, no multicast, no phone home, slf4j logging. */
    static Config config(Settings s) {
        Config config = new Config();
        config.setClusterName(s.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // the application's lifecycle (the b2b component) shuts the member down
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(s.port()).setPortAutoIncrement(false);
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members());
        // a token write does not wait for its backup's acknowledgement (Hazelcast waits up to 5 s,
        // hazelcast.operation.backup.timeout.millis, when the backup member is frozen): a token
        // lost with its owner costs one token request. A replay claim does wait: losing one would
        // let a replayed call through.
        config.getMapConfig(HazelcastTokenStore.MAP).setBackupCount(0).setAsyncBackupCount(1);
        config.getMapConfig(HazelcastReplayStore.MAP).setBackupCount(1);
        // a member that stops answering without closing its connections (frozen, cut off) leaves
        // the cluster after 10 s without heartbeats, not Hazelcast's 60: until then the partitions
        // it owns do not answer (the stores stop waiting for them sooner, and fall back). Either is
        // still Hazelcast's own property, given as a system property.
        defaultProperty(config, "hazelcast.heartbeat.interval.seconds", "1");
        defaultProperty(config, "hazelcast.max.no.heartbeat.seconds", "10");
        // the interfaces the members are listed on (loopback in a test on one machine)
        Set<String> hosts = new java.util.LinkedHashSet<>();
        s.members().forEach(m -> hosts.add(m.substring(0, m.lastIndexOf(':'))));
        if (hosts.stream().allMatch(h -> h.equals("127.0.0.1"))) {
            network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            // and listen there only (Hazelcast binds every interface by default, hazelcast.socket.bind.any)
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
        return config;
    }

    private static void defaultProperty(Config config, String name, String value) {
        if (System.getProperty(name) == null) {
            config.setProperty(name, value);
        }
    }
}
