package org.camelb2b.token.cluster;

import java.io.Serializable;
import java.util.Map;

import com.hazelcast.map.EntryProcessor;

/**
 * The only changes made to a {@link SharedToken}: each an entry processor, atomic on the entry's
 * partition and replayed on its backup. None does I/O: the token request runs outside, between a
 * {@link TakeLease} and a {@link Write}.
 */
final class SharedTokenOps {

    private SharedTokenOps() {
    }

    /** What {@link TakeLease} decided. */
    record Lease(Outcome outcome, long generation, String holder) implements Serializable {
        enum Outcome {
            /** This member holds the lease now: request a token and write it with the generation. */
            GRANTED,
            /** As GRANTED, taken over from a holder whose lease ran out. */
            TAKEN_OVER,
            /** Another member holds a lease that has not run out: wait for its token. */
            BUSY,
            /** A token fresh enough is there already (written since it was read): use it. */
            FRESH
        }
    }

    /**
     * Grants this member the lease unless the token is fresh (younger than {@code freshFraction} of
     * its lifetime) or another member's lease has not run out; a granted lease raises the generation.
     */
    static final class TakeLease implements EntryProcessor<String, SharedToken, Lease> {
        private static final long serialVersionUID = 1L;
        private final String member;
        private final long leaseMs;
        private final double freshFraction;

        TakeLease(String member, long leaseMs, double freshFraction) {
            this.member = member;
            this.leaseMs = leaseMs;
            this.freshFraction = freshFraction;
        }

        @Override
        public Lease process(Map.Entry<String, SharedToken> entry) {
            SharedToken t = entry.getValue() == null ? SharedToken.EMPTY : entry.getValue();
            long now = System.currentTimeMillis();
            if (t.freshAt(now, freshFraction)) {
                return new Lease(Lease.Outcome.FRESH, t.generation(), null);
            }
            if (t.leasedAt(now) && !member.equals(t.leaseOwner())) {
                return new Lease(Lease.Outcome.BUSY, t.generation(), t.leaseOwner());
            }
            boolean takeover = t.leaseOwner() != null && !member.equals(t.leaseOwner());
            long generation = t.generation() + 1;
            entry.setValue(new SharedToken(generation, member, now + leaseMs, t.sealed(), t.tokenMac(),
                    t.requestedAtMs(), t.lifetimeMs()));
            return new Lease(takeover ? Lease.Outcome.TAKEN_OVER : Lease.Outcome.GRANTED, generation, t.leaseOwner());
        }
    }

    /** Writes a token and ends the lease, only if the generation is still the lease's: true if written. */
    static final class Write implements EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;
        private final long generation;
        private final byte[] sealed;
        private final String tokenMac;
        private final long requestedAtMs;
        private final long lifetimeMs;

        Write(long generation, byte[] sealed, String tokenMac, long requestedAtMs, long lifetimeMs) {
            this.generation = generation;
            this.sealed = sealed;
            this.tokenMac = tokenMac;
            this.requestedAtMs = requestedAtMs;
            this.lifetimeMs = lifetimeMs;
        }

        @Override
        public Boolean process(Map.Entry<String, SharedToken> entry) {
            SharedToken t = entry.getValue();
            if (t == null || t.generation() != generation) {
                return false;
            }
            entry.setValue(new SharedToken(generation, null, 0, sealed, tokenMac, requestedAtMs, lifetimeMs));
            return true;
        }

        @Override
        public String toString() {
            return "Write[generation=" + generation + "]";
        }
    }

    /** Extends this member's lease of that generation while its token request runs: true if it still holds it. */
    static final class Renew implements EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;
        private final String member;
        private final long generation;
        private final long leaseMs;

        Renew(String member, long generation, long leaseMs) {
            this.member = member;
            this.generation = generation;
            this.leaseMs = leaseMs;
        }

        @Override
        public Boolean process(Map.Entry<String, SharedToken> entry) {
            SharedToken t = entry.getValue();
            if (t == null || t.generation() != generation || !member.equals(t.leaseOwner())) {
                return false;
            }
            entry.setValue(new SharedToken(generation, member, System.currentTimeMillis() + leaseMs, t.sealed(),
                    t.tokenMac(), t.requestedAtMs(), t.lifetimeMs()));
            return true;
        }
    }

    /** Ends a lease whose request failed, if it is still this member's of that generation; the token stays. */
    static final class Release implements EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;
        private final String member;
        private final long generation;

        Release(String member, long generation) {
            this.member = member;
            this.generation = generation;
        }

        @Override
        public Boolean process(Map.Entry<String, SharedToken> entry) {
            SharedToken t = entry.getValue();
            if (t == null || t.generation() != generation || !member.equals(t.leaseOwner())) {
                return false;
            }
            entry.setValue(new SharedToken(generation, null, 0, t.sealed(), t.tokenMac(), t.requestedAtMs(), t.lifetimeMs()));
            return true;
        }
    }

    /** Drops the token only if it is still the one with this HMAC (a rejected token): true if dropped. */
    static final class Invalidate implements EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;
        private final String tokenMac;

        Invalidate(String tokenMac) {
            this.tokenMac = tokenMac;
        }

        @Override
        public Boolean process(Map.Entry<String, SharedToken> entry) {
            SharedToken t = entry.getValue();
            if (t == null || !tokenMac.equals(t.tokenMac())) {
                return false;
            }
            entry.setValue(new SharedToken(t.generation(), t.leaseOwner(), t.leaseUntilMs(), null, null, 0, 0));
            return true;
        }
    }
}
