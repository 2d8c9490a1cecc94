package org.camelb2b.token.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Ticker;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;

import org.camelb2b.token.inbound.MemoryReplayStore;
import org.camelb2b.token.inbound.ReplayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound replay store of a cluster: one claim per provider, partner, day and
 * {@code X-EXTERNAL-ID} in an IMap, so an id one instance accepted is a replay on every other.
 * An entry processor ({@link Claim}) decides atomically on the key's partition; each claim lives 48 hours (its day
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

    private final long timeoutNanos;

    /** @param timeout how long a claim waits for the cluster before this instance's memory takes it */
    HazelcastReplayStore(HazelcastInstance hazelcast, TokenSeal seal, Duration timeout) {
        this.claims = hazelcast.getMap(MAP);
        this.seal = seal;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public boolean claim(String provider, String partnerId, String externalId, LocalDate day) {
        try {
            // on the inbound call's thread: bounded (a frozen member must not hold the provider's call)
            boolean first = Bounded.await(claims.submitToKey(key(provider, partnerId, externalId, day), new Claim()),
                    timeoutNanos);
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
            Bounded.await(claims.deleteAsync(key(provider, partnerId, externalId, day)), timeoutNanos);
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
                    + " against this instance's own until it is back", Bounded.describe(e));
        }
    }

    private void reachable() {
        if (unreachable.compareAndSet(true, false)) {
            LOG.info("inbound replay store: the Hazelcast cluster is reachable again; X-EXTERNAL-IDs are shared");
        }
    }

    /** Takes a claim that is not there yet, kept {@link #KEEP_HOURS}: true if this call took it. */
    static final class Claim implements EntryProcessor<String, Boolean, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean process(Map.Entry<String, Boolean> entry) {
            if (entry.getValue() != null) {
                return false;
            }
            ((ExtendedMapEntry<String, Boolean>) entry).setValue(Boolean.TRUE, KEEP_HOURS, TimeUnit.HOURS);
            return true;
        }
    }

    @Override
    public String toString() {
        return "HazelcastReplayStore[" + MAP + "]";
    }
}
