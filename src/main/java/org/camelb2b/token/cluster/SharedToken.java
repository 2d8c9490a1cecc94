package org.camelb2b.token.cluster;

import java.io.Serializable;

/**
 * One credential's entry in the shared map, changed only by the entry processors of
 * {@link SharedTokenOps} (atomic on the entry's partition, backed up): the sealed token, an HMAC
 * of it, its clear timing, and the lease of the member requesting the next one with its
 * generation. Immutable; {@link #toString()} shows no token, sealed or not.
 *
 * @param generation     raised by every lease granted; a token is written only with the current one
 * @param leaseOwner     the member requesting a token, or null
 * @param leaseUntilMs   when that lease runs out (the partition owner's clock)
 * @param sealed         the token, sealed ({@link TokenSeal}), or null
 * @param tokenMac       HMAC of the token ({@link TokenSeal#mac}), or null
 * @param requestedAtMs  wall-clock time the token request was sent
 * @param lifetimeMs     the token's lifetime as the provider gave it
 */
record SharedToken(long generation, String leaseOwner, long leaseUntilMs, byte[] sealed, String tokenMac,
                   long requestedAtMs, long lifetimeMs) implements Serializable {

    static final SharedToken EMPTY = new SharedToken(0, null, 0, null, null, 0, 0);

    boolean hasToken() {
        return sealed != null;
    }

    boolean leasedAt(long nowMs) {
        return leaseOwner != null && nowMs < leaseUntilMs;
    }

    /** Whether the token is younger than {@code fraction} of its lifetime at {@code nowMs}. */
    boolean freshAt(long nowMs, double fraction) {
        return hasToken() && nowMs - requestedAtMs < (long) (lifetimeMs * fraction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedToken t && t.generation == generation && java.util.Objects.equals(t.leaseOwner, leaseOwner)
                && t.leaseUntilMs == leaseUntilMs && java.util.Arrays.equals(t.sealed, sealed)
                && java.util.Objects.equals(t.tokenMac, tokenMac) && t.requestedAtMs == requestedAtMs
                && t.lifetimeMs == lifetimeMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(generation) * 31 + java.util.Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SharedToken[generation=" + generation + ", lease=" + leaseOwner + ", token=" + (hasToken() ? "sealed" : "none")
                + "]";
    }
}
