package org.camelb2b.token.inbound;

import java.time.LocalDate;

/**
 * The {@code X-EXTERNAL-ID}s seen from each partner, per day: SNAP answers a repeat within the
 * same day {@code 409xx00} Conflict. In memory by default ({@link MemoryReplayStore}); a cluster
 * needs one store shared by every node.
 */
public interface ReplayStore {

    /**
     * Records {@code externalId} of {@code partnerId} at {@code provider} for {@code day}; false
     * when it was recorded already (a replay). Atomic: of two concurrent claims one wins.
     */
    boolean claim(String provider, String partnerId, String externalId, LocalDate day);

    /** Forgets a claim, so the provider may send the request again (we failed to handle it). */
    void release(String provider, String partnerId, String externalId, LocalDate day);

    /**
     * A token store that also keeps the claims of every node it is shared by (the Hazelcast one):
     * when the context's token store is one, the inbound flow uses its replay store.
     */
    interface Source {
        ReplayStore replayStore();
    }
}
