package org.camelb2b.token.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Pattern;

import org.bouncycastle.openssl.PEMParser;

/**
 * What a key setting holds, for both key loaders: a path, a {@code classpath:}, {@code file:} or
 * {@code env:} location, PEM text (with real or {@code \n} line breaks) or bare base64 DER, read
 * into PEM text or DER bytes with a description of where they came from. Errors are
 * {@link KeyFormatException}s naming the location, never the key material.
 *
 * @param pem    the PEM text, or null when the key is DER
 * @param der    the DER bytes, or null when the key is PEM
 * @param source where the key came from, for messages ({@code file '...'}, {@code the inline PEM text})
 */
record KeySource(String pem, byte[] der, String source) {

    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

    /**
     * The first PEM object of {@link #pem()}: its type is for the loader to judge. Bad base64 or
     * no object is a {@link KeyFormatException} naming the location (BouncyCastle signals bad
     * base64 with its own unchecked DecoderException; we say what, not the content).
     */
    Object pemObject() {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException(source + " is not valid PEM (" + e.getClass().getSimpleName() + ")", e);
        }
        if (object == null) {
            throw new KeyFormatException(source + " holds no PEM object");
        }
        return object;
    }

    /** Reads what {@code setting} holds. */
    static KeySource read(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new KeyFormatException("is empty");
        }
        String value = setting.strip();
        if (value.contains("-----BEGIN")) {
            return new KeySource(value.replace("\\n", "\n"), null, "the inline PEM text");
        }
        if (value.startsWith("env:")) {
            String variable = value.substring("env:".length());
            String source = "environment variable '" + variable + "'";
            String text = System.getenv(variable);
            if (text == null || text.isBlank()) {
                throw new KeyFormatException(source + " is " + (text == null ? "not set" : "empty"));
            }
            String key = text.strip();
            return key.contains("-----BEGIN") ? new KeySource(key.replace("\\n", "\n"), null, source)
                    : new KeySource(null, decodeBase64(key, source), source);
        }
        if (value.startsWith("classpath:")) {
            String name = value.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = KeySource.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new KeyFormatException("no such classpath resource: '" + name + "'");
                }
                return ofBytes(in.readAllBytes(), "classpath resource '" + name + "'");
            } catch (IOException e) {
                throw new KeyFormatException("cannot read classpath resource '" + name + "': " + e.getMessage(), e);
            }
        }
        String pathText = value.startsWith("file:") ? value.substring("file:".length()) : value;
        Path path = toPath(pathText);
        if (path != null && Files.isRegularFile(path)) {
            try {
                return ofBytes(Files.readAllBytes(path), "file '" + path + "'");
            } catch (IOException e) {
                throw new KeyFormatException("cannot read file '" + path + "': " + e.getMessage(), e);
            }
        }
        if (!value.startsWith("file:") && BASE64_TEXT.matcher(value).matches()) {
            return new KeySource(null, decodeBase64(value, "the inline base64 text"), "the inline base64 text");
        }
        if (looksLikePath(pathText)) {
            throw new KeyFormatException("no such key file: '" + pathText + "'");
        }
        throw new KeyFormatException("is neither a readable key file nor PEM or base64 key text (value not shown)");
    }

    /** A file's or resource's content: PEM text, base64 text of DER, or DER itself. */
    private static KeySource ofBytes(byte[] content, String source) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            return new KeySource(text, null, source);
        }
        if (BASE64_TEXT.matcher(text.strip()).matches()) {
            return new KeySource(null, decodeBase64(text.strip(), source), source);
        }
        return new KeySource(null, content, source);
    }

    private static byte[] decodeBase64(String text, String source) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(source + " is not valid base64", e);
        }
    }

    private static Path toPath(String text) {
        try {
            return text.length() > 4096 ? null : Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean looksLikePath(String text) {
        return text.length() < 512 && !text.contains("\n") && (text.contains("/") || text.contains("\\")
                || text.contains("."));
    }

    /** Never the key material. */
    @Override
    public String toString() {
        return "KeySource[" + (pem != null ? "PEM" : "DER") + ", " + source + "]";
    }
}
