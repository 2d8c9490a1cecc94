package org.camelb2b.token.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.crypto.RsaSigner;
import org.camelb2b.token.crypto.Secrets;
import org.camelb2b.token.flow.B2bExchange;
import org.camelb2b.token.provider.InboundConfig;
import org.camelb2b.token.signature.JsonBodies;
import org.camelb2b.token.signature.PaymentSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the inbound flow ({@code b2b-inbound.yaml}), one bean each, stateless: receive ->
 * check headers -> verify token -> verify signature -> reject replays -> hand over -> answer. A
 * step that refuses the request throws an {@link InboundRejection}; {@link Rejected} answers it.
 * Tokens, signatures and secrets are never logged, put in an answer or kept on the exchange.
 */
public final class InboundSteps {

    /** Exchange properties of the flow. */
    public static final String KIND = "B2bInboundKind";
    public static final String PATH = "B2bInboundPath";
    public static final String SIGNED_PATH = "B2bInboundSignedPath";
    public static final String SERVICE_CODE = "B2bInboundServiceCode";
    public static final String BODY = "B2bInboundBody";
    public static final String CANONICAL_BODY = "B2bInboundCanonicalBody";
    public static final String HANDLER = "B2bInboundHandler";
    public static final String CLAIM = "B2bInboundClaim";
    /** Headers the application's route gets, besides the SNAP ones. */
    public static final String HEADER_PROVIDER = "B2bProvider";
    public static final String HEADER_SERVICE_CODE = "B2bServiceCode";
    public static final String HEADER_PATH = "B2bInboundPath";
    /** The SNAP headers handed to the application's route (never Authorization or X-SIGNATURE). */
    static final List<String> HANDED_OVER = List.of("X-TIMESTAMP", "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID");

    static final String TOKEN = "token";
    static final String NOTIFICATION = "notification";
    private static final Logger LOG = LoggerFactory.getLogger(InboundRuntime.LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** SNAP's days are Jakarta's: an X-EXTERNAL-ID is unique per partner per WIB day. */
    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final Map<String, String> SERVICE_CODES = Map.of("/transfer-va/inquiry", "24",
            "/transfer-va/payment", "25", "/transfer-va/status", "26", "/transfer-va/create-va", "27",
            "/transfer-va/notify-payment-intrabank", "34", "/debit/notify", "56");

    private InboundSteps() {
    }

    /** The SNAP service code of a notification path (by its end), {@code 00} when unknown. */
    static String serviceCode(String path) {
        for (Map.Entry<String, String> e : SERVICE_CODES.entrySet()) {
            if (path.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "00";
    }

    /**
     * {@code b2bInboundReceive}: the request as received: its path (the raw path, as the provider
     * signed it, {@code b2b.inbound.path-prefix} in front), the body's bytes exactly as they came,
     * whether it asks for a token or notifies, and the service code of the answer.
     */
    public static final class Receive implements Processor, CamelContextAware {
        private CamelContext camelContext;

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
            InboundRuntime.checkAtStartup(camelContext);
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }

        @Override
        public void process(Exchange exchange) {
            String provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
            InboundRuntime runtime = InboundRuntime.of(exchange.getContext());
            Message m = exchange.getMessage();
            String uri = m.getHeader(Exchange.HTTP_URI, String.class);
            if (uri == null || uri.isEmpty()) {
                uri = m.getHeader(Exchange.HTTP_PATH, "/", String.class);
            }
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            exchange.setProperty(PATH, path);
            // the service code first: any answer, a refusal included, carries it
            boolean token = path.endsWith("/" + provider + runtime.config(provider).tokenPath());
            if (!path.contains("/" + provider + "/")) {
                // /doku matched as a prefix of /dokuX, or /doku alone: not a path of this provider
                exchange.setProperty(SERVICE_CODE, "00");
                throw new InboundRejection(404, "00", "Not Found");
            }
            exchange.setProperty(KIND, token ? TOKEN : NOTIFICATION);
            exchange.setProperty(SERVICE_CODE, token ? "73" : serviceCode(path));
            exchange.setProperty(SIGNED_PATH, runtime.pathPrefix() + uri);
            byte[] body;
            try {
                body = m.getBody(byte[].class);
            } catch (RuntimeException e) {
                body = null; // not bytes (a form platform-http parsed): refused as not JSON
            }
            exchange.setProperty(BODY, body == null && m.getBody() == null ? new byte[0] : body);
        }
    }

    /** {@code b2bInboundTokenHeaders}: a token request's headers and body are there and well formed. */
    public static final class TokenHeaders implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            for (String name : new String[] {"X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE"}) {
                header(m, name);
            }
            timestamp(header(m, "X-TIMESTAMP"));
            JsonNode body = jsonObject(exchange.getProperty(BODY, byte[].class), "grantType");
            JsonNode grant = body.get("grantType");
            if (grant == null || grant.isNull() || grant.asText().isEmpty()) {
                throw InboundRejection.missing("grantType");
            }
            if (!grant.isTextual() || !"client_credentials".equals(grant.asText())) {
                throw InboundRejection.badFormat("grantType");
            }
        }
    }

    /**
     * {@code b2bInboundTokenSignature}: the client is the provider's, the timestamp is now, and
     * {@code X-SIGNATURE} is the provider's SHA256withRSA over {@code clientId|X-TIMESTAMP}.
     */
    public static final class TokenSignature implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            InboundConfig config = config(exchange);
            String clientKey = header(m, "X-CLIENT-KEY");
            String timestamp = header(m, "X-TIMESTAMP");
            if (!clientKey.equals(config.clientId())) {
                throw InboundRejection.unauthorized("Unknown Client");
            }
            fresh(exchange, timestamp, config);
            if (!config.verifier().verify(RsaSigner.stringToSign(clientKey, timestamp), header(m, "X-SIGNATURE"))) {
                throw InboundRejection.unauthorized("Signature");
            }
        }
    }

    /** {@code b2bInboundTokenIssue}: a new token for this provider, and the answer that carries it. */
    public static final class TokenIssue implements Processor {
        @Override
        public void process(Exchange exchange) {
            InboundConfig config = config(exchange);
            String token = InboundRuntime.of(exchange.getContext()).tokens().issue(config.provider(),
                    config.tokenLifetime());
            ObjectNode answer = JSON.createObjectNode();
            answer.put("responseCode", "2007300");
            answer.put("responseMessage", "Successful");
            answer.put("accessToken", token);
            answer.put("tokenType", "Bearer");
            // ASPI writes it as a string
            answer.put("expiresIn", String.valueOf(config.tokenLifetime().toSeconds()));
            // written at once: the token is kept nowhere on the exchange but in the answer's body
            // (which the tracer shows with accessToken masked)
            write(exchange, 200, answer);
        }
    }

    /**
     * {@code b2bInboundHeaders}: a notification's SNAP headers are there and well formed, and its
     * body is JSON: kept as received, and in the canonical form the signature covers (white space
     * between tokens dropped, inside strings kept: the outbound signing rule).
     */
    public static final class NotificationHeaders implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            InboundConfig config = config(exchange);
            if (config.signature() == InboundConfig.Signature.SYMMETRIC) {
                header(m, "Authorization");
            }
            for (String name : new String[] {"X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID"}) {
                header(m, name);
            }
            timestamp(header(m, "X-TIMESTAMP"));
            if (!EXTERNAL_ID.matcher(header(m, "X-EXTERNAL-ID")).matches()) {
                throw InboundRejection.badFormat("X-EXTERNAL-ID");
            }
            byte[] body = exchange.getProperty(BODY, byte[].class);
            String text = utf8(body);
            byte[] canonical;
            try {
                canonical = JsonBodies.compactParsed(text);
            } catch (IllegalArgumentException e) {
                throw InboundRejection.badFormat("body");
            }
            if (canonical.length == 0 || canonical[0] != '{') {
                throw InboundRejection.badFormat("body");
            }
            exchange.setProperty(CANONICAL_BODY, canonical);
        }

        private static String utf8(byte[] body) {
            if (body == null) {
                throw InboundRejection.badFormat("body");
            }
            if (body.length == 0) {
                throw InboundRejection.missing("body");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw InboundRejection.badFormat("body");
            }
        }
    }

    /**
     * {@code b2bInboundToken}: a symmetric notification's {@code Authorization: Bearer} token is
     * one we issued to this provider and still valid (an asymmetric one carries none: nothing to do).
     */
    public static final class TokenCheck implements Processor {
        @Override
        public void process(Exchange exchange) {
            InboundConfig config = config(exchange);
            if (config.signature() != InboundConfig.Signature.SYMMETRIC) {
                return;
            }
            String token = bearer(exchange.getMessage());
            if (token == null || !InboundRuntime.of(exchange.getContext()).tokens().isValidFor(token, config.provider())) {
                throw InboundRejection.invalidToken();
            }
        }
    }

    /**
     * {@code b2bInboundSignature}: the partner is the provider's client, the timestamp is now, and
     * {@code X-SIGNATURE} signs this request: HMAC-SHA512 with the client secret over
     * {@code METHOD:path:token:hash:timestamp} (symmetric) or the provider's SHA256withRSA over
     * {@code METHOD:path:hash:timestamp} (asymmetric); compared exactly, in constant time.
     */
    public static final class SignatureCheck implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            InboundConfig config = config(exchange);
            if (!header(m, "X-PARTNER-ID").equals(config.clientId())) {
                throw InboundRejection.unauthorized("Unknown Client");
            }
            String timestamp = header(m, "X-TIMESTAMP");
            fresh(exchange, timestamp, config);
            String method = m.getHeader(Exchange.HTTP_METHOD, "POST", String.class);
            String path = exchange.getProperty(SIGNED_PATH, String.class);
            byte[] body = exchange.getProperty(CANONICAL_BODY, byte[].class);
            String signature = header(m, "X-SIGNATURE");
            boolean valid;
            if (config.signature() == InboundConfig.Signature.SYMMETRIC) {
                String expected = PaymentSignature.sign(config.clientSecret(), method, path, bearer(m), body, timestamp);
                valid = Secrets.sameText(expected, signature);
            } else {
                valid = config.verifier().verify(PaymentSignature.asymmetricStringToSign(method, path, body, timestamp),
                        signature);
            }
            if (!valid) {
                throw InboundRejection.unauthorized("Signature");
            }
        }
    }

    /** {@code b2bInboundReplay}: the {@code X-EXTERNAL-ID} is new from this partner on this (WIB) day. */
    public static final class ReplayCheck implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            Claim claim = new Claim(config(exchange).provider(), header(m, "X-PARTNER-ID"), header(m, "X-EXTERNAL-ID"),
                    OffsetDateTime.parse(header(m, "X-TIMESTAMP")).atZoneSameInstant(WIB).toLocalDate());
            if (!InboundRuntime.of(exchange.getContext()).replays().claim(claim.provider(), claim.partnerId(),
                    claim.externalId(), claim.day())) {
                throw InboundRejection.conflict();
            }
            exchange.setProperty(CLAIM, claim);
        }
    }

    /** A claimed {@code X-EXTERNAL-ID}, released if we fail to handle the notification. */
    record Claim(String provider, String partnerId, String externalId, LocalDate day) {
    }

    /**
     * {@code b2bInboundHandOver}: the verified notification as the application's route gets it:
     * the body as received (text), the SNAP headers, the provider and the service code; nothing
     * else (no {@code Authorization}, no {@code X-SIGNATURE}). Says whether that route exists.
     */
    public static final class HandOver implements Processor {
        @Override
        public void process(Exchange exchange) {
            Message m = exchange.getMessage();
            String provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
            String[] values = new String[HANDED_OVER.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = header(m, HANDED_OVER.get(i));
            }
            m.getHeaders().clear();
            for (int i = 0; i < values.length; i++) {
                m.setHeader(HANDED_OVER.get(i), values[i]);
            }
            m.setHeader(HEADER_PROVIDER, provider);
            m.setHeader(HEADER_SERVICE_CODE, exchange.getProperty(SERVICE_CODE, String.class));
            m.setHeader(HEADER_PATH, exchange.getProperty(PATH, String.class));
            m.setBody(new String(exchange.getProperty(BODY, byte[].class), StandardCharsets.UTF_8));
            exchange.setProperty(HANDLER, InboundRuntime.of(exchange.getContext()).hasHandler(provider));
        }
    }

    /**
     * {@code b2bInboundAnswer}: the answer to an accepted request: the token, or the application
     * route's reply (a JSON object; none: an empty one) with our {@code responseCode}
     * ({@code 200<service>00}) and {@code responseMessage} filled in where it set none.
     */
    public static final class Answer implements Processor {
        @Override
        public void process(Exchange exchange) {
            String provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
            String path = shown(exchange.getProperty(PATH, String.class));
            if (TOKEN.equals(exchange.getProperty(KIND))) {
                // the token issue step wrote the answer
                LOG.info("inbound provider={} path={} outcome=accepted responseCode=2007300 delivered=token issued",
                        provider, path);
                return;
            }
            boolean handled = exchange.getProperty(HANDLER, false, Boolean.class);
            ObjectNode reply = reply(handled ? exchange.getMessage().getBody() : null, exchange, provider);
            // the application's own SNAP code (say 4042412, invalid VA) stands; else ours
            JsonNode own = reply.get("responseCode");
            String code = own != null && own.isTextual() && own.asText().matches("[2-5]\\d{6}") ? own.asText()
                    : "200" + exchange.getProperty(SERVICE_CODE, String.class) + "00";
            ObjectNode answer = JSON.createObjectNode();
            answer.put("responseCode", code);
            answer.put("responseMessage", reply.path("responseMessage").isTextual()
                    ? reply.get("responseMessage").asText() : "Successful");
            reply.fieldNames().forEachRemaining(name -> {
                if (!name.equals("responseCode") && !name.equals("responseMessage")) {
                    answer.set(name, reply.get(name));
                }
            });
            write(exchange, Integer.parseInt(code.substring(0, 3)), answer);
            LOG.info("inbound provider={} path={} outcome=accepted responseCode={} delivered={}", provider, path, code,
                    handled ? InboundRuntime.HANDLER_PREFIX + provider : "none (acknowledged)");
        }

        private static ObjectNode reply(Object body, Exchange exchange, String provider) {
            if (body == null || body instanceof String s && s.isBlank()
                    || body instanceof byte[] b && b.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                JsonNode node = body instanceof String || body instanceof byte[]
                        ? JSON.readTree(body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) body)
                        : JSON.valueToTree(body);
                if (node != null && node.isObject()) {
                    return (ObjectNode) node;
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                // answered below
            }
            LOG.warn("inbound provider={} path={}: the reply of {} is not a JSON object; answering without it",
                    provider, shown(exchange.getProperty(PATH, String.class)), InboundRuntime.HANDLER_PREFIX + provider);
            return JSON.createObjectNode();
        }
    }

    /** {@code b2bInboundRejected}: answers a refused request with its SNAP code; nothing was handed over. */
    public static final class Rejected implements Processor {
        @Override
        public void process(Exchange exchange) {
            InboundRejection rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, InboundRejection.class);
            String service = exchange.getProperty(SERVICE_CODE, "00", String.class);
            String code = rejection.status() + service + rejection.caseCode();
            answerError(exchange, rejection.status(), code, rejection.getMessage(), rejection.getMessage());
        }
    }

    /**
     * {@code b2bInboundFailed}: our failure or the application route's ({@code 500<service>00},
     * General Error): the {@code X-EXTERNAL-ID} is released, so the provider may send it again.
     */
    public static final class Failed implements Processor {
        @Override
        public void process(Exchange exchange) {
            Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            Claim claim = exchange.getProperty(CLAIM, Claim.class);
            if (claim != null) {
                InboundRuntime.of(exchange.getContext()).replays().release(claim.provider(), claim.partnerId(),
                        claim.externalId(), claim.day());
            }
            String service = exchange.getProperty(SERVICE_CODE, "00", String.class);
            String where = exchange.getProperty(HANDLER, false, Boolean.class) ? " in "
                    + InboundRuntime.HANDLER_PREFIX + exchange.getProperty(B2bExchange.PROVIDER) : "";
            answerError(exchange, 500, "500" + service + "00", "General Error",
                    "General Error: " + (e == null ? "unknown" : e.getClass().getName()) + where);
        }
    }

    private static void answerError(Exchange exchange, int status, String code, String message, String reason) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("responseCode", code);
        answer.put("responseMessage", message);
        write(exchange, status, answer);
        LOG.info("inbound provider={} path={} outcome=rejected responseCode={} reason={}",
                exchange.getProperty(B2bExchange.PROVIDER), shown(exchange.getProperty(PATH, String.class)), code,
                reason);
    }

    private static void write(Exchange exchange, int status, ObjectNode answer) {
        Message m = exchange.getMessage();
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            m.setBody(JSON.writeValueAsBytes(answer));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    /** The path for the log line: at most 200 characters. */
    private static String shown(String path) {
        if (path == null) {
            return "?";
        }
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }

    private static InboundConfig config(Exchange exchange) {
        return InboundRuntime.of(exchange.getContext()).config(exchange.getProperty(B2bExchange.PROVIDER, String.class));
    }

    /** The header's one value; missing or blank: 400 02; given twice: 400 01. */
    static String header(Message m, String name) {
        Object value = m.getHeader(name);
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                throw InboundRejection.badFormat(name);
            }
            value = list.get(0);
        }
        if (value == null || value.toString().isBlank()) {
            throw InboundRejection.missing(name);
        }
        return value.toString();
    }

    /** The token of {@code Authorization: Bearer <token>}, or null. */
    private static String bearer(Message m) {
        String auth = header(m, "Authorization");
        return auth.startsWith("Bearer ") && auth.length() > 7 ? auth.substring(7) : null;
    }

    /** A SNAP timestamp: ISO-8601 with seconds and a zone ({@code Z} or an offset). */
    static Instant timestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            throw InboundRejection.badFormat("X-TIMESTAMP");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InboundRejection.badFormat("X-TIMESTAMP");
        }
    }

    /** The timestamp is within the provider's window of our clock, either way: else 401 00. */
    private static void fresh(Exchange exchange, String timestamp, InboundConfig config) {
        Instant now = InboundRuntime.of(exchange.getContext()).clock().instant();
        if (Duration.between(timestamp(timestamp), now).abs().compareTo(config.timestampWindow()) > 0) {
            throw InboundRejection.unauthorized("Timestamp");
        }
    }

    /** The body as a JSON object; empty: {@code missingField} is missing; anything else: 400 01 body. */
    private static JsonNode jsonObject(byte[] body, String missingField) {
        if (body == null) {
            throw InboundRejection.badFormat("body");
        }
        if (body.length == 0) {
            throw InboundRejection.missing(missingField);
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw InboundRejection.badFormat("body");
            }
            return node;
        } catch (java.io.IOException e) {
            throw InboundRejection.badFormat("body");
        }
    }
}
