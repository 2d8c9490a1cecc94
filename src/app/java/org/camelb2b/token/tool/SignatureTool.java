package org.camelb2b.token.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.camelb2b.token.crypto.KeyFormatException;
import org.camelb2b.token.crypto.PrivateKeyLoader;
import org.camelb2b.token.crypto.PublicKeyLoader;
import org.camelb2b.token.crypto.RsaSigner;
import org.camelb2b.token.crypto.RsaVerifier;
import org.camelb2b.token.crypto.Secrets;
import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;
import org.camelb2b.token.provider.TimestampFormat;
import org.camelb2b.token.signature.JsonBodies;
import org.camelb2b.token.signature.PaymentSignature;
import org.camelb2b.token.signature.RelativeUrls;

/**
 * "The provider says my signature is wrong": prints what the bundle signs and the signature, one
 * {@code name=value} per line, computed with the same code the routes use.
 *
 * <pre>
 * signature token   --dialect snap|klikoo --key FILE [--passphrase P] --client-id ID [--timestamp T]
 * signature payment --dialect snap|klikoo --secret S --method M --url /path?query --token T --timestamp T
 *                   [--body-file FILE] [--base-path /prefix] [--sorted-query] [--raw-body]
 * signature verify  --public-key FILE --method M --url PATH --timestamp T --body-file FILE --signature SIG
 * signature verify  --secret S --token T --method M --url PATH --timestamp T --body-file FILE --signature SIG
 * </pre>
 *
 * <p>{@code verify} checks what a provider sent us, as the inbound flow does: the body in its
 * canonical form (white space between tokens dropped, inside strings kept), the path as called;
 * SHA256withRSA with the provider's public key (asymmetric notifications), or HMAC-SHA512 with the
 * client secret and our token (symmetric). It prints {@code valid=true|false} and exits 0 only
 * when valid (1 when not, 2 on a usage or input error).
 */
public final class SignatureTool {

    private SignatureTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit status (0 done, 1 a signature that is not valid, 2 usage or input error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("token") || args[0].equals("payment") || args[0].equals("verify"))) {
            err.println(usage());
            return 2;
        }
        try {
            Map<String, String> opts = options(args);
            if (args[0].equals("verify")) {
                return verify(opts, out) ? 0 : 1;
            }
            if (args[0].equals("token")) {
                token(opts, out);
            } else {
                payment(opts, out);
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("signature: " + e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    private static Dialect signingDialect(Map<String, String> o) {
        Dialect dialect = Dialects.named(o.getOrDefault("dialect", Dialects.DEFAULT));
        if (!dialect.signs()) {
            throw new IllegalArgumentException("--dialect " + dialect.name() + " signs nothing (HTTP Basic and a Bearer"
                    + " token): there is no signature to compute");
        }
        return dialect;
    }

    private static void token(Map<String, String> o, PrintStream out) {
        Dialect dialect = signingDialect(o);
        String clientId = required(o, "client-id");
        String timestamp = o.containsKey("timestamp") ? o.get("timestamp")
                : new TimestampFormat(dialect.defaultTimestampZone(), false).format(Instant.now());
        RsaSigner signer;
        try {
            signer = new RsaSigner(PrivateKeyLoader.load(required(o, "key"), o.get("passphrase")));
        } catch (KeyFormatException e) {
            throw new IllegalArgumentException("--key: " + e.getMessage(), e);
        }
        String toSign = RsaSigner.stringToSign(clientId, timestamp);
        out.println("dialect=" + dialect.name());
        out.println("algorithm=SHA256withRSA");
        out.println("timestampHeader=" + dialect.timestampHeader());
        out.println("timestamp=" + timestamp);
        out.println("stringToSign=" + toSign);
        out.println("signatureHeader=" + dialect.signatureHeader());
        out.println("signature=" + signer.signBase64(toSign));
    }

    private static void payment(Map<String, String> o, PrintStream out) throws IOException {
        Dialect dialect = signingDialect(o);
        String method = required(o, "method").toUpperCase(Locale.ROOT);
        String url = required(o, "url");
        String token = required(o, "token");
        String timestamp = required(o, "timestamp");
        String secret = required(o, "secret");
        String text = o.containsKey("body-file") ? Files.readString(Path.of(o.get("body-file")), StandardCharsets.UTF_8) : "";
        byte[] body = text.isBlank() ? new byte[0]
                : o.containsKey("raw-body") ? text.getBytes(StandardCharsets.UTF_8)
                : dialect.canonicalBody(text);
        String signedUrl = signedUrl(dialect, url, o.getOrDefault("base-path", ""), o.containsKey("sorted-query"));
        String toSign = PaymentSignature.stringToSign(method, signedUrl, token, body, timestamp);
        out.println("dialect=" + dialect.name());
        out.println("algorithm=HMAC-SHA512");
        out.println("relativeUrl=" + signedUrl);
        out.println("body=" + new String(body, StandardCharsets.UTF_8));
        out.println("bodySha256=" + sha256Hex(body));
        out.println("timestampHeader=" + dialect.timestampHeader());
        out.println("timestamp=" + timestamp);
        out.println("stringToSign=" + toSign);
        out.println("signatureHeader=" + dialect.signatureHeader());
        out.println("signature=" + PaymentSignature.hmacSha512Base64(secret, toSign));
    }

    /** Whether {@code --signature} is the provider's over the request; prints what was checked. */
    private static boolean verify(Map<String, String> o, PrintStream out) throws IOException {
        String method = required(o, "method").toUpperCase(Locale.ROOT);
        String url = RelativeUrls.snap(required(o, "url"));
        String timestamp = required(o, "timestamp");
        String signature = required(o, "signature");
        String text = o.containsKey("body-file") ? Files.readString(Path.of(o.get("body-file")), StandardCharsets.UTF_8) : "";
        byte[] body = text.isBlank() ? new byte[0]
                : o.containsKey("raw-body") ? text.getBytes(StandardCharsets.UTF_8) : JsonBodies.compactParsed(text);
        boolean symmetric = o.containsKey("secret");
        if (symmetric == o.containsKey("public-key")) {
            throw new IllegalArgumentException("give --public-key (asymmetric) or --secret and --token (symmetric)");
        }
        String toSign;
        boolean valid;
        if (symmetric) {
            toSign = PaymentSignature.stringToSign(method, url, required(o, "token"), body, timestamp);
            valid = Secrets.sameText(PaymentSignature.hmacSha512Base64(required(o, "secret"), toSign), signature);
        } else {
            RSAPublicKey key;
            try {
                key = PublicKeyLoader.load(required(o, "public-key"));
            } catch (KeyFormatException e) {
                throw new IllegalArgumentException("--public-key: " + e.getMessage(), e);
            }
            toSign = PaymentSignature.asymmetricStringToSign(method, url, body, timestamp);
            valid = new RsaVerifier(key).verify(toSign, signature);
        }
        out.println("algorithm=" + (symmetric ? "HMAC-SHA512" : "SHA256withRSA"));
        out.println("relativeUrl=" + url);
        out.println("body=" + new String(body, StandardCharsets.UTF_8));
        out.println("bodySha256=" + sha256Hex(body));
        out.println("timestamp=" + timestamp);
        out.println("stringToSign=" + toSign);
        out.println("valid=" + valid);
        return valid;
    }

    /**
     * The dialect's relative URL for {@code --url} (from the host on, or absolute; with or without
     * the base path, {@code --base-path}, the path of the provider's base URL). The dialect's rule
     * takes the path below the base path, as the payment signer gives it, so a leading base path is
     * taken off {@code --url} first: SNAP signs it back on, Klikoo leaves it out.
     */
    static String signedUrl(Dialect dialect, String url, String basePath, boolean sortedQuery) {
        String fromHost = RelativeUrls.snap(url);
        int q = fromHost.indexOf('?');
        String path = q < 0 ? fromHost : fromHost.substring(0, q);
        String query = q < 0 ? null : fromHost.substring(q + 1);
        String prefix = basePath.strip();
        if (prefix.regionMatches(true, 0, "http://", 0, 7) || prefix.regionMatches(true, 0, "https://", 0, 8)) {
            prefix = URI.create(prefix).getRawPath(); // the base URL itself
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
            path = path.substring(prefix.length());
        }
        return dialect.signedRelativeUrl(prefix, path, query, sortedQuery);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            if (name.equals("sorted-query") || name.equals("raw-body")) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: java -jar camel-b2b-token-app.jar signature token --dialect snap|klikoo --key FILE"
                        + " [--passphrase P] --client-id ID [--timestamp T]",
                "       java -jar camel-b2b-token-app.jar signature payment --dialect snap|klikoo --secret S --method M"
                        + " --url /path?query --token T --timestamp T [--body-file FILE] [--base-path /prefix]"
                        + " [--sorted-query] [--raw-body]",
                "       java -jar camel-b2b-token-app.jar signature verify (--public-key FILE | --secret S --token T)"
                        + " --method M --url PATH --timestamp T --body-file FILE --signature SIG [--raw-body]");
    }
}
