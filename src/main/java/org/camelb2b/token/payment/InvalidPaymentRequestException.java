package org.camelb2b.token.payment;

import java.util.Locale;

/**
 * A payment call refused before anything was signed or sent, because one part of it would reach
 * the provider otherwise than it is signed, or cannot be signed at all: a method other than GET,
 * POST, PUT, PATCH or DELETE, a path or query outside RFC 3986 (or with dot or empty segments), a
 * body on GET/DELETE or one that is not UTF-8 JSON, a caller header that is not one short value of
 * visible ASCII. Names the provider and the part; never quotes a secret or a token.
 */
public class InvalidPaymentRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The part of the request that was refused. */
    public enum Part {
        METHOD, PATH, QUERY, BODY, HEADER;

        /** Lower case, as in messages and the gateway's JSON errors. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String provider;
    private final Part part;

    /**
     * @param problem what is wrong, a sentence that names the part (e.g. "the path has '|' at
     *                character 3, outside RFC 3986: percent-encode it")
     */
    public InvalidPaymentRequestException(String provider, Part part, String problem) {
        this(provider, part, problem, null);
    }

    public InvalidPaymentRequestException(String provider, Part part, String problem, Throwable cause) {
        super("payment call to provider '" + provider + "': " + problem, cause);
        this.provider = provider;
        this.part = part;
    }

    public String provider() {
        return provider;
    }

    public Part part() {
        return part;
    }
}
