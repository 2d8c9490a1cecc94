package org.camelb2b.token.crypto;

/**
 * A private key setting that cannot be turned into a usable RSA private key. The message says
 * what is wrong with the key (missing file, public key, wrong passphrase, too short) and never
 * holds key material.
 */
public class KeyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
