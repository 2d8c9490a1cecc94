package org.camelb2b.token.token;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a token response into an {@link AccessToken}, or a {@link TokenAcquisitionException}
 * saying why not, reading the fields a dialect names ({@link TokenResponseFormat}). Only a
 * response whose HTTP status is 200 and whose response code is the dialect's success code,
 * with a non-empty Bearer token and a positive lifetime, is a success.
 * The token must be what an {@code Authorization} header can carry unchanged: visible ASCII
 * (0x21-0x7E) and at most {@code maxTokenLength} characters. A token with CR/LF, spaces, control or
 * non-ASCII characters would be rewritten or refused by the HTTP client (so the token signed would
 * not be the token sent), and a huge one would fail every call for its whole lifetime; both are
 * failures, which the cache never stores. The failure says what is wrong, never any of the token.
 */
public final class TokenResponseParser {

    /** A year: anything longer is a unit mix-up (milliseconds?), not a lifetime. */
    static final long MAX_LIFETIME_SECONDS = 365L * 24 * 3600;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_MESSAGE = 200;
    /** The default longest token: far above any JWT a provider issues, far below header limits. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 4096;

    private final String provider;
    private final TokenResponseFormat format;
    private final int maxTokenLength;
    private final List<String> tokenTypes;
    private final boolean expiresAsDateTime;
    private final Clock clock;

    public TokenResponseParser(String provider, TokenResponseFormat format) {
        this(provider, format, DEFAULT_MAX_TOKEN_LENGTH);
    }

    public TokenResponseParser(String provider, TokenResponseFormat format, int maxTokenLength) {
        this(provider, format, maxTokenLength, List.of("Bearer"), false, Clock.systemUTC());
    }

    /**
     * @param format         where the dialect's response carries code, message and token fields
     * @param maxTokenLength the longest token accepted, in characters ({@code token.max-length})
     * @param tokenTypes     the token types the answer may carry, any case ({@code token-types})
     * @param expiresAsDateTime whether the lifetime may come as the expiry's ISO-8601 date-time
     *                       ({@code token-expires-in-date-time}), read against {@code clock}
     */
    public TokenResponseParser(String provider, TokenResponseFormat format, int maxTokenLength, List<String> tokenTypes,
                               boolean expiresAsDateTime, Clock clock) {
        this.provider = provider;
        this.format = format;
        this.maxTokenLength = maxTokenLength;
        this.tokenTypes = List.copyOf(tokenTypes);
        this.expiresAsDateTime = expiresAsDateTime;
        this.clock = clock;
    }

    /**
     * @param httpStatus       the HTTP status of the response
     * @param body             the response body (may be null or empty)
     * @param requestedAtNanos {@link System#nanoTime()} when the request was sent
     */
    public AccessToken parse(int httpStatus, String body, long requestedAtNanos) {
        if (format.codeField() == null) {
            return parseOAuth2(httpStatus, body, requestedAtNanos);
        }
        JsonNode root = readObject(httpStatus, body);
        JsonNode codeNode = root.get(format.codeField());
        String message = text(root.get(format.messageField()));
        if (codeNode == null || codeNode.isNull() || !(codeNode.isTextual() || codeNode.isIntegralNumber())) {
            throw failure(httpStatus, null, message, "the response has no " + format.codeField());
        }
        ResponseCode code = ResponseCode.parse(codeNode.asText());
        if (!format.successCode().equals(code.raw())) {
            throw failure(httpStatus, code, message, "the provider answered with an error code");
        }
        if (httpStatus != 200) {
            throw failure(httpStatus, code, message, "a success code came with a non-200 HTTP status");
        }
        JsonNode data = format.dataField() == null ? root : root.get(format.dataField());
        if (data == null || !data.isObject()) {
            throw failure(httpStatus, code, message, "the response has no " + format.dataField() + " object");
        }
        return token(data, httpStatus, code, message, requestedAtNanos);
    }

    /** RFC 6749: 200 with the token at the top level; an error is {@code error} (and its description) with a 4xx. */
    private AccessToken parseOAuth2(int httpStatus, String body, long requestedAtNanos) {
        if (httpStatus != 200) {
            String error = null;
            try {
                JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
                if (root != null && root.isObject()) {
                    error = text(root.get("error"));
                    String description = text(root.get(format.messageField()));
                    error = error == null ? description : description == null ? error : error + ": " + description;
                }
            } catch (JsonProcessingException e) {
                // not JSON: the status says it
            }
            throw failure(httpStatus, null, error, "the provider answered HTTP " + httpStatus);
        }
        return token(readObject(httpStatus, body), httpStatus, null, null, requestedAtNanos);
    }

    private AccessToken token(JsonNode data, int httpStatus, ResponseCode code, String message, long requestedAtNanos) {
        String tokenField = format.tokenField();
        String typeField = format.typeField();
        String expiresField = format.expiresField();

        JsonNode tokenNode = data.get(tokenField);
        if (tokenNode == null || !tokenNode.isTextual() || tokenNode.asText().isBlank()) {
            throw failure(httpStatus, code, message, "the response has no " + tokenField);
        }
        String problem = unusableInAHeader(tokenNode.asText(), tokenField);
        if (problem != null) {
            throw failure(httpStatus, code, message, problem);
        }
        String type = text(data.get(typeField));
        if (type == null || tokenTypes.stream().noneMatch(type::equalsIgnoreCase)) {
            throw failure(httpStatus, code, message, typeField + " is " + (type == null ? "missing" : "'" + clip(type)
                    + "'") + ", expected " + String.join(" or ", tokenTypes));
        }
        long seconds = lifetimeSeconds(data.get(expiresField), expiresField, httpStatus, code, message);
        return new AccessToken(provider, tokenNode.asText(), "Bearer", Duration.ofSeconds(seconds), requestedAtNanos,
                Instant.now());
    }

    private JsonNode readObject(int httpStatus, String body) {
        if (body == null || body.isBlank()) {
            throw failure(httpStatus, null, null, "the response body is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw failure(httpStatus, null, null, "the response is not JSON (" + body.length() + " chars"
                    + (body.stripLeading().startsWith("{") ? ", truncated or malformed" : ", starts with '"
                    + clip(body.strip().substring(0, Math.min(12, body.strip().length()))) + "'") + ")");
        }
        if (root == null || !root.isObject()) {
            throw failure(httpStatus, null, null, "the response is JSON but not an object");
        }
        return root;
    }

    /** {@code expiresIn} arrives as a number at some providers and as a string at others. */
    private long lifetimeSeconds(JsonNode node, String field, int httpStatus, ResponseCode code, String message) {
        if (node == null || node.isNull()) {
            throw failure(httpStatus, code, message, field + " is missing");
        }
        BigDecimal value;
        try {
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual() && expiresAsDateTime && node.asText().contains("T")) {
                // the expiry's date-time: the lifetime is what is left of it now (whole seconds)
                value = BigDecimal.valueOf(Duration.between(clock.instant(),
                        OffsetDateTime.parse(node.asText().strip()).toInstant()).toSeconds());
            } else if (node.isTextual()) {
                value = new BigDecimal(node.asText().strip());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw failure(httpStatus, code, message, field + " is not a number" + (expiresAsDateTime
                    ? " or an ISO-8601 date-time with an offset" : ""));
        }
        if (value.signum() <= 0) {
            throw failure(httpStatus, code, message, field + " is " + value.toPlainString() + ", not a positive lifetime");
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(MAX_LIFETIME_SECONDS)) > 0) {
            throw failure(httpStatus, code, message, field + " is " + value.toPlainString()
                    + ", not a whole number of seconds up to a year");
        }
        return value.longValueExact();
    }

    /** What keeps the token out of an Authorization header, or null; never any part of the token. */
    private String unusableInAHeader(String token, String field) {
        int length = token.length();
        if (length > maxTokenLength) {
            return field + " is " + length + " characters long, longer than the " + maxTokenLength
                    + " allowed (token.max-length)";
        }
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                String what = c == '\r' || c == '\n' ? "a line break" : c == ' ' ? "a space"
                        : c < 0x20 || c == 0x7F ? "a control character" : "a non-ASCII character";
                return field + " holds " + what + " (character " + (i + 1) + " of " + length
                        + "); an Authorization header carries only visible ASCII (0x21-0x7E)";
            }
        }
        return null;
    }

    private TokenAcquisitionException failure(int httpStatus, ResponseCode code, String message, String problem) {
        return new TokenAcquisitionException(provider, httpStatus, code, message == null ? null : clip(message), problem);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
