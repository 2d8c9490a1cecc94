package org.camelb2b.token.provider;

import java.util.Locale;

/**
 * How a provider's payment calls are signed ({@code b2b.<p>.transaction-signature}), as ASPI's SNAP
 * defines the two: {@link #HMAC}, {@code base64(HMAC-SHA512(clientSecret,
 * METHOD:relativeUrl:token:lowerhex(sha256(body)):timestamp))}, and {@link #RSA},
 * {@code base64(SHA256withRSA(privateKey, METHOD:relativeUrl:lowerhex(sha256(body)):timestamp))},
 * no token in the string, for the providers that sign calls that way (Faspay SNAP, Bank Neo).
 */
public enum TransactionSignature {
    HMAC, RSA;

    public static TransactionSignature named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (TransactionSignature t : values()) {
            if (t.text().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be hmac or rsa, was '" + name.strip() + "'");
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
