package org.camelb2b.token.component;

import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.camelb2b.token.payment.PaymentHeaders;

/**
 * A provider's B2B access token ({@code b2b:token:<provider>}: sets {@code Authorization: Bearer
 * <token>}, keeps the body and the other headers) or a signed payment call to it
 * ({@code b2b:call:<provider>?path=...}: the body sent with the token, the HMAC-SHA512 signature and
 * the provider's headers, with one retry on a rejected token; the caller's headers are kept and
 * never sent). Provider settings not given as options come from the {@code b2b.<provider>.*}
 * properties.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "b2b", title = "B2B Token",
        syntax = "b2b:kind:provider", producerOnly = true, remote = true,
        category = {Category.SECURITY, Category.HTTP}, headersClass = PaymentHeaders.class)
public class B2bEndpoint extends DefaultEndpoint {

    /** What an endpoint does. */
    public enum Kind {
        TOKEN, CALL;

        static Kind named(String name) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    @UriPath(enums = "token,call", description = "token: set the Authorization header; call: make a signed payment call")
    @Metadata(required = true)
    private final Kind kind;
    @UriPath(description = "The provider id (lower-case letters, digits, - or _; at most 40): it names the"
            + " b2b.<provider>.* properties, the token route, the metrics and the readiness check")
    @Metadata(required = true)
    private final String provider;
    @UriParam(label = "call", description = "The payment endpoint's path below the provider's base URL,"
            + " starting with /. When not given, the B2bPath header says it.")
    private String path;
    @UriParam(label = "call", description = "The query string, as it is to be sent (without ?)."
            + " When not given, the B2bQuery header says it, if any.")
    private String query;
    @UriParam(label = "call", enums = "GET,POST,PUT,PATCH,DELETE", description = "The HTTP method: POST with a body,"
            + " GET without, when neither this nor a CamelHttpMethod header says otherwise.")
    private String method;
    @UriParam(label = "call", defaultValue = "true", description = "Whether an unsuccessful answer raises a"
            + " PaymentCallException; when false the answer comes back with its B2bResponse* headers.")
    private boolean throwOnFailure = true;
    @UriParam(label = "token", defaultValue = "header", enums = "header,body", description = "Where the token"
            + " goes: header (Authorization: Bearer <token>; the body stays) or body (the AccessToken itself).")
    private String target = "header";
    @UriParam
    private ProviderOptions options = new ProviderOptions();

    B2bEndpoint(String uri, B2bComponent component, Kind kind, String provider) {
        super(uri, component);
        this.kind = kind;
        this.provider = provider;
    }

    @Override
    public B2bComponent getComponent() {
        return (B2bComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return kind == Kind.TOKEN ? new TokenProducer(this) : new CallProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("b2b endpoints only send: use b2b:" + kind.name().toLowerCase(Locale.ROOT)
                + ":" + provider + " in a to step");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // for an endpoint made once the context runs: its provider's routes now
        getComponent().ensureRoutes(provider);
    }

    public Kind getKind() {
        return kind;
    }

    public String getProvider() {
        return provider;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public boolean isThrowOnFailure() {
        return throwOnFailure;
    }

    public void setThrowOnFailure(boolean throwOnFailure) {
        this.throwOnFailure = throwOnFailure;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        String t = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("header") && !t.equals("body")) {
            throw new IllegalArgumentException("target must be header or body, was '" + target + "'");
        }
        this.target = t;
    }

    public ProviderOptions getOptions() {
        return options;
    }

    public void setOptions(ProviderOptions options) {
        this.options = options;
    }
}
