package org.camelb2b.token.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The tokens the sandbox issued: which client each belongs to and until when it is valid. */
final class SandboxTokens {

    private record Issued(String clientId, long expiresAtNanos) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Set<String> everIssued = ConcurrentHashMap.newKeySet();
    private volatile long lifetimeSeconds = 900;

    String issue(String clientId) {
        byte[] bytes = new byte[36];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, System.nanoTime() + lifetimeSeconds * 1_000_000_000L));
        everIssued.add(token);
        return token;
    }

    /** The client the token was issued to, if it is valid now; null otherwise. */
    String clientOf(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        if (issued == null || System.nanoTime() - issued.expiresAtNanos() >= 0) {
            return null;
        }
        return issued.clientId();
    }

    /** Every token issued, revoked and expired ones included. */
    Set<String> everIssued() {
        return Set.copyOf(everIssued);
    }

    void revokeAll() {
        tokens.clear();
    }

    long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    void setLifetimeSeconds(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.lifetimeSeconds = seconds;
    }
}
