package org.camelb2b.token.inbound;

/**
 * A request the inbound flow refuses, with the SNAP answer it gets: HTTP status, case code and
 * message ({@code 401}, {@code 01}, {@code Invalid Token (B2B)}); the service code comes from the
 * path. The message names a header or field, never a value: no token, signature or secret.
 */
public final class InboundRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String caseCode;

    InboundRejection(int status, String caseCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.caseCode = caseCode;
    }

    /** 400 / 02: a mandatory header or field is missing. */
    static InboundRejection missing(String field) {
        return new InboundRejection(400, "02", "Invalid Mandatory Field " + field);
    }

    /** 400 / 01: a header or field is not in its format. */
    static InboundRejection badFormat(String field) {
        return new InboundRejection(400, "01", "Invalid Field Format " + field);
    }

    /** 401 / 00: {@code Unauthorized. <reason>} (signature, client, timestamp). */
    static InboundRejection unauthorized(String reason) {
        return new InboundRejection(401, "00", "Unauthorized. " + reason);
    }

    /** 401 / 01: the token is not one we issued to this provider, or it expired. */
    static InboundRejection invalidToken() {
        return new InboundRejection(401, "01", "Invalid Token (B2B)");
    }

    /** 409 / 00: the X-EXTERNAL-ID was seen from this partner today. */
    static InboundRejection conflict() {
        return new InboundRejection(409, "00", "Conflict");
    }

    public int status() {
        return status;
    }

    public String caseCode() {
        return caseCode;
    }
}
