package org.camelb2b.token.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxProvider;

/** A sandbox with a DOKU and a Klikoo client, and the app settings that point at it. */
public final class SandboxSetup {

    public static final String DOKU_CLIENT = "MCH-0008-TEST-0001";
    public static final String DOKU_SECRET = "doku-test-client-secret";
    public static final String KLIKOO_CLIENT = "0b5b5e51-7a4c-4d2e-9d55-0e8f1a2b3c4d";
    public static final String KLIKOO_SECRET = "0123456789abcdef0123456789abcdef";

    private SandboxSetup() {
    }

    public static SandboxProvider start() throws Exception {
        return SandboxProvider.start("127.0.0.1", 0, List.of(
                new SandboxClient("snap", DOKU_CLIENT, DOKU_SECRET, Keys.publicKey()),
                new SandboxClient("klikoo", KLIKOO_CLIENT, KLIKOO_SECRET, Keys.publicKey())));
    }

    public static Map<String, String> settings(SandboxProvider sandbox) {
        Map<String, String> p = new HashMap<>();
        p.put("b2b.doku.base-url", sandbox.baseUrl());
        p.put("b2b.doku.client-id", DOKU_CLIENT);
        p.put("b2b.doku.client-secret", DOKU_SECRET);
        p.put("b2b.doku.private-key", Keys.PKCS8);
        p.put("b2b.doku.private-key-passphrase", "");
        p.put("b2b.doku.channel-id", "95221");
        p.put("b2b.klikoo.base-url", sandbox.baseUrl() + "/klikoo-b2b");
        p.put("b2b.klikoo.client-id", KLIKOO_CLIENT);
        p.put("b2b.klikoo.client-secret", KLIKOO_SECRET);
        p.put("b2b.klikoo.private-key", Keys.PKCS1);
        return p;
    }
}
