package org.camelb2b.token.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.token.ResponseCode;

/**
 * The response code and message of a payment call's answer, read leniently: a body that is not
 * JSON or has no code leaves both null (the HTTP status still decides).
 *
 * @param httpStatus the HTTP status
 * @param code       the provider's response code, or null
 * @param message    the provider's response message, or null
 */
public record PaymentResponse(int httpStatus, ResponseCode code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PaymentResponse read(Dialect dialect, int httpStatus, String body) {
        ResponseCode code = null;
        String message = null;
        if (body != null && body.stripLeading().startsWith("{")) {
            try {
                JsonNode root = JSON.readTree(body);
                JsonNode c = root.get(dialect.responseCodeField());
                JsonNode m = root.get(dialect.responseMessageField());
                if (c != null && (c.isTextual() || c.isIntegralNumber())) {
                    code = ResponseCode.parse(c.asText());
                }
                if (m != null && m.isTextual()) {
                    message = m.asText();
                }
            } catch (Exception e) {
                // not JSON: no code, the HTTP status decides
            }
        }
        return new PaymentResponse(httpStatus, code, message);
    }

    /** Success: a 2xx HTTP status and, when there is a code, a 2xx code. */
    public boolean success() {
        boolean statusOk = httpStatus >= 200 && httpStatus < 300;
        boolean codeOk = code == null || (code.isSplit() ? code.httpStatus() >= 200 && code.httpStatus() < 300
                : code.raw().startsWith("2"));
        return statusOk && codeOk;
    }
}
