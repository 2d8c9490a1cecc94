package org.camelb2b.token.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox as the provider that calls the merchant: once a virtual account it created is
 * "paid", it asks the merchant's inbound token endpoint for a B2B token (SHA256withRSA over
 * {@code clientId|timestamp} with the sandbox provider's own key) and sends the VA payment
 * notification with it (HMAC-SHA512 with the client secret, DOKU style). Written as a provider
 * would write it, with the JDK and Jackson alone, none of the bundle's signing code. SANDBOX ONLY.
 *
 * @param notifyUrl   the merchant's base URL for this provider, e.g. {@code http://127.0.0.1:8081/doku}
 * @param tokenPath   the merchant's token path below it ({@code /v1.0/access-token/b2b})
 * @param paymentPath the VA payment notification's path below it ({@code /v1.0/transfer-va/payment})
 * @param clientId    the merchant's client id, presented as X-CLIENT-KEY and X-PARTNER-ID
 * @param secret      the merchant's client secret, the HMAC key
 * @param key         the sandbox provider's private key (the merchant holds its public half)
 */
public record SandboxPayer(String notifyUrl, String tokenPath, String paymentPath, String clientId, String secret,
                           PrivateKey key) {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);
    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    public SandboxPayer {
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(key, "key");
        while (notifyUrl.endsWith("/")) {
            notifyUrl = notifyUrl.substring(0, notifyUrl.length() - 1);
        }
    }

    /** Pays the virtual account of a create-VA request, in the background. */
    void payLater(JsonNode createVa, Executor executor) {
        executor.execute(() -> {
            try {
                pay(createVa);
            } catch (Exception e) {
                LOG.warn("Sandbox could not pay {} at {}: {}", createVa.path("virtualAccountNo").asText("?"), notifyUrl,
                        e.toString());
            } catch (Error e) {
                throw e;
            }
        });
    }

    /** Gets a token and sends the payment notification; returns the notification's response code. */
    String pay(JsonNode createVa) throws Exception {
        String va = createVa.path("virtualAccountNo").asText("");
        String timestamp = OffsetDateTime.now(ZoneOffset.ofHours(7)).format(WIB);
        HttpResponse<String> tokenAnswer = post(tokenPath, "{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}",
                Map.of("X-CLIENT-KEY", clientId, "X-TIMESTAMP", timestamp,
                        "X-SIGNATURE", SandboxChecks.rsaSign(key, clientId + "|" + timestamp)));
        JsonNode token = SandboxChecks.tree(tokenAnswer.body().getBytes(StandardCharsets.UTF_8));
        String tokenCode = token == null ? "status " + tokenAnswer.statusCode() : token.path("responseCode").asText();
        if (token == null || !token.path("accessToken").isTextual()) {
            LOG.warn("Sandbox could not pay VA {}: the merchant's token endpoint {} answered {}", va,
                    notifyUrl + tokenPath, tokenCode);
            return tokenCode;
        }
        String accessToken = token.get("accessToken").asText();
        byte[] body = SandboxExchange.JSON.writeValueAsBytes(notification(createVa));
        String path = URI.create(notifyUrl + paymentPath).getRawPath();
        String notifyTimestamp = OffsetDateTime.now(ZoneOffset.ofHours(7)).format(WIB);
        String signature = SandboxChecks.hmacSha512Base64(secret, "POST:" + path + ":" + accessToken + ":"
                + SandboxChecks.sha256Hex(body) + ":" + notifyTimestamp);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("X-TIMESTAMP", notifyTimestamp);
        headers.put("X-SIGNATURE", signature);
        headers.put("X-PARTNER-ID", clientId);
        headers.put("X-EXTERNAL-ID", externalId());
        headers.put("CHANNEL-ID", "VA004");
        HttpResponse<String> answer = post(paymentPath, new String(body, StandardCharsets.UTF_8), headers);
        JsonNode paid = SandboxChecks.tree(answer.body().getBytes(StandardCharsets.UTF_8));
        String code = paid == null ? "status " + answer.statusCode() : paid.path("responseCode").asText();
        LOG.info("Sandbox paid VA {}: token from {} answered {}, payment notification to {} answered {}", va.strip(),
                notifyUrl + tokenPath, tokenCode, notifyUrl + paymentPath, code);
        return code;
    }

    /** A DOKU-like VA payment notification for the account the create-VA request made. */
    private static ObjectNode notification(JsonNode createVa) {
        ObjectNode n = SandboxExchange.JSON.createObjectNode();
        for (String field : new String[] {"partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName",
                "trxId"}) {
            if (createVa.has(field)) {
                n.set(field, createVa.get(field));
            }
        }
        n.put("paymentRequestId", externalId());
        if (createVa.has("totalAmount")) {
            n.set("paidAmount", createVa.get("totalAmount"));
        }
        n.put("trxDateTime", OffsetDateTime.now(ZoneOffset.ofHours(7)).format(WIB));
        return n;
    }

    private static String externalId() {
        return String.valueOf(System.currentTimeMillis()) + (100_000 + RANDOM.nextInt(900_000));
    }

    private HttpResponse<String> post(String pathBelow, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(notifyUrl + pathBelow)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SandboxPayer[" + notifyUrl + ", clientId=" + clientId + "]";
    }
}
