package org.camelb2b.token.cluster;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Ticker;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import org.camelb2b.token.inbound.MemoryReplayStore;
import org.camelb2b.token.inbound.ReplayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound replay store of a cluster: one claim per provider, partner, day and
 * {@code X-EXTERNAL-ID} in an IMap, so an id one instance accepted is a replay on every other.
 * {@code putIfAbsent} decides atomically on the key's partition; each claim lives 48 hours (its day
 * and any timestamp window). The key is an HMAC of the claim under the cluster secret: the map
 * holds neither the partner nor the id. When the cluster cannot be reached the claims go to this
 * instance's memory, said once in a WARN (and once when it is back), as the token store does.
 */
final class HazelcastReplayStore implements ReplayStore {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastReplayStore.class);
    /** The map of the claims, on the token store's members. */
    static final String MAP = "camel-b2b-token.replays";
    static final long KEEP_HOURS = 48;

    private final IMap<String, Boolean> claims;
    private final TokenSeal seal;
    private final ReplayStore local = new MemoryReplayStore(MemoryReplayStore.DEFAULT_MAX_ENTRIES, Ticker.systemTicker());
    private final AtomicBoolean unreachable = new AtomicBoolean();

    HazelcastReplayStore(HazelcastInstance hazelcast, TokenSeal seal) {
        this.claims = hazelcast.getMap(MAP);
        this.seal = seal;
    }

    @Override
    public boolean claim(String provider, String partnerId, String externalId, LocalDate day) {
        try {
            boolean first = claims.putIfAbsent(key(provider, partnerId, externalId, day), Boolean.TRUE, KEEP_HOURS,
                    TimeUnit.HOURS) == null;
            reachable();
            return first;
        } catch (RuntimeException e) {
            fellBack(e);
            return local.claim(provider, partnerId, externalId, day);
        }
    }

    @Override
    public void release(String provider, String partnerId, String externalId, LocalDate day) {
        try {
            claims.delete(key(provider, partnerId, externalId, day));
            reachable();
        } catch (RuntimeException e) {
            fellBack(e);
        }
        local.release(provider, partnerId, externalId, day);
    }

    private String key(String provider, String partnerId, String externalId, LocalDate day) {
        // lengths first: no two claims can join into the same text
        String claim = provider.length() + ":" + provider + "|" + partnerId.length() + ":" + partnerId + "|" + day + "|"
                + externalId;
        return seal.mac("replay|" + claim);
    }

    private void fellBack(RuntimeException e) {
        if (unreachable.compareAndSet(false, true)) {
            LOG.warn("inbound replay store: the Hazelcast cluster is unreachable ({}): X-EXTERNAL-IDs are checked"
                    + " against this instance's own until it is back", e.getClass().getSimpleName());
        }
    }

    private void reachable() {
        if (unreachable.compareAndSet(true, false)) {
            LOG.info("inbound replay store: the Hazelcast cluster is reachable again; X-EXTERNAL-IDs are shared");
        }
    }

    @Override
    public String toString() {
        return "HazelcastReplayStore[" + MAP + "]";
    }
}
