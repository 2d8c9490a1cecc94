package org.camelb2b.token.component;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The provider settings a {@code b2b:} endpoint may give (each one {@code b2b.<provider>.<name>};
 * an option left out falls back to that property, then to its default).
 * PLACEHOLDER: to be generated from the one settings definition.
 */
@UriParams
public class ProviderOptions {

    /** snap or klikoo. */
    @UriParam(label = "provider")
    private String dialect;
    /** The provider's base URL. */
    @UriParam(label = "provider")
    private String baseUrl;
    /** The token endpoint's path. */
    @UriParam(label = "provider")
    private String tokenPath;
    /** Your client id at the provider. */
    @UriParam(label = "provider")
    private String clientId;
    /** Your RSA private key. */
    @UriParam(label = "provider,security", secret = true)
    private String privateKey;
    /** The passphrase of an encrypted private key. */
    @UriParam(label = "provider,security", secret = true)
    private String privateKeyPassword;
    /** Your client secret. */
    @UriParam(label = "provider,security", secret = true)
    private String clientSecret;

    /** The options given, by setting name ({@code base-url}, ...), as text. */
    public Map<String, String> settings() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "dialect", dialect);
        put(given, "base-url", baseUrl);
        put(given, "token-path", tokenPath);
        put(given, "client-id", clientId);
        put(given, "private-key", privateKey);
        put(given, "private-key-passphrase", privateKeyPassword);
        put(given, "client-secret", clientSecret);
        return given;
    }

    private static void put(Map<String, String> given, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            given.put(name, value.toString());
        }
    }

    public String getDialect() { return dialect; }
    public void setDialect(String dialect) { this.dialect = dialect; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getTokenPath() { return tokenPath; }
    public void setTokenPath(String tokenPath) { this.tokenPath = tokenPath; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getPrivateKey() { return privateKey; }
    public void setPrivateKey(String privateKey) { this.privateKey = privateKey; }
    public String getPrivateKeyPassword() { return privateKeyPassword; }
    public void setPrivateKeyPassword(String privateKeyPassword) { this.privateKeyPassword = privateKeyPassword; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }

    @Override
    public String toString() {
        // names only: the values include the private key and the client secret
        return "ProviderOptions" + settings().keySet();
    }
}
