package org.camelb2b.token.payment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Reads the code (a string or a whole number) and the message (a string) among the members
     * of the top-level object, the last of a name counting, as a tree would hold them; the rest
     * is read through (so invalid JSON anywhere in the object gives neither) but not kept.
     * Anything after the object is not read.
     */
    public static PaymentResponse read(Dialect dialect, int httpStatus, String body) {
        ResponseCode code = null;
        String message = null;
        if (body != null && body.stripLeading().startsWith("{")) {
            try (JsonParser p = JSON.createParser(body)) {
                String codeField = dialect.responseCodeField();
                String messageField = dialect.responseMessageField();
                String codeText = null;
                String messageText = null;
                p.nextToken(); // the object's start
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (codeField != null && name.equals(codeField)) {
                        codeText = value == JsonToken.VALUE_STRING ? p.getText()
                                : value == JsonToken.VALUE_NUMBER_INT ? p.getNumberValue().toString() : null;
                    } else if (messageField != null && name.equals(messageField)) {
                        messageText = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    p.skipChildren();
                }
                if (t == JsonToken.END_OBJECT) {
                    if (codeText != null) {
                        code = ResponseCode.parse(codeText);
                    }
                    message = messageText;
                }
            } catch (Exception e) {
                // not JSON: no code, the HTTP status decides
                code = null;
                message = null;
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
