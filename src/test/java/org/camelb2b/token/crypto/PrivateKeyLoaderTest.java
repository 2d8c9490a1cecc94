package org.camelb2b.token.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every key form gives the signature openssl made for the fixed input (vectors.properties):
 * PKCS#1 v1.5 is deterministic, so one key and one input have exactly one right answer.
 */
class PrivateKeyLoaderTest {

    static final Properties VECTORS = load();
    static final String INPUT = VECTORS.getProperty("input");
    static final String EXPECTED = VECTORS.getProperty("signature");
    static final String PASS = VECTORS.getProperty("passphrase");

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PrivateKeyLoaderTest.class.getClassLoader().getResourceAsStream("keys/vectors.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static String text(String name) {
        try (InputStream in = PrivateKeyLoaderTest.class.getClassLoader().getResourceAsStream("keys/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String setting, String passphrase) {
        return new RsaSigner(PrivateKeyLoader.load(setting, passphrase)).signBase64(INPUT);
    }

    static String derBase64(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem"})
    void plainKeyFilesSignAsOpensslDid(String file) {
        assertEquals(EXPECTED, sign("classpath:keys/" + file, null));
        assertEquals(EXPECTED, sign(Path.of("src/test/resources/keys", file).toString(), null));
        assertEquals(EXPECTED, sign("file:" + Path.of("src/test/resources/keys", file).toAbsolutePath(), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8-encrypted-3des.pem", "rsa-pkcs8-encrypted-aes.pem", "rsa-pkcs1-encrypted-aes.pem"})
    void encryptedKeysWithTheirPassphraseSignAsOpensslDid(String file) {
        assertEquals(EXPECTED, sign("classpath:keys/" + file, PASS));
    }

    @Test
    void inlinePemTextAsAnEnvironmentVariableCarriesIt() {
        assertEquals(EXPECTED, sign(text("rsa-pkcs8.pem"), null));
        assertEquals(EXPECTED, sign(text("rsa-pkcs1.pem").replace("\n", "\\n"), null));
        assertEquals(EXPECTED, sign(text("rsa-pkcs8-encrypted-3des.pem"), PASS));
    }

    @Test
    void bareBase64DerOfEveryForm() {
        assertEquals(EXPECTED, sign(derBase64(text("rsa-pkcs8.pem")), null));
        assertEquals(EXPECTED, sign(derBase64(text("rsa-pkcs1.pem")), null));
        assertEquals(EXPECTED, sign(derBase64(text("rsa-pkcs8-encrypted-3des.pem")), PASS));
    }

    @Test
    void signatureVerifiesWithThePublicKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(derBase64(text("rsa-public.pem")));
        var pub = java.security.KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        var verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pub);
        verifier.update(INPUT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(sign("classpath:keys/rsa-pkcs8.pem", null))));
        assertEquals(INPUT, RsaSigner.stringToSign("MCH-0008-1296507211683", "2022-10-07T14:18:39+07:00"));
    }

    static KeyFormatException refused(String setting, String passphrase) {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> PrivateKeyLoader.load(setting, passphrase));
        String body = derBase64(text("rsa-pkcs8.pem"));
        for (int i = 0; i + 20 <= body.length(); i += 20) {
            assertFalse(e.getMessage().contains(body.substring(i, i + 20)), "key material in: " + e.getMessage());
        }
        if (passphrase != null && !passphrase.isEmpty()) {
            assertFalse(e.getMessage().contains(passphrase), e.getMessage());
        }
        return e;
    }

    @Test
    void missingFileIsNamed() {
        assertEquals("no such key file: 'keys/absent.pem'", refused("keys/absent.pem", null).getMessage());
        assertTrue(refused("classpath:keys/absent.pem", null).getMessage().contains("keys/absent.pem"));
    }

    @Test
    void publicKeysAndCertificatesAreNotPrivateKeys() {
        assertTrue(refused("classpath:keys/rsa-public.pem", null).getMessage().contains("holds a public key"));
        assertTrue(refused("classpath:keys/certificate.pem", null).getMessage().contains("holds a public key or certificate"));
        assertTrue(refused(derBase64(text("rsa-public.pem")), null).getMessage().contains("holds a public key"));
    }

    @Test
    void encryptedKeyNeedsTheRightPassphrase() {
        assertTrue(refused("classpath:keys/rsa-pkcs8-encrypted-3des.pem", null).getMessage().contains("no passphrase"));
        assertTrue(refused("classpath:keys/rsa-pkcs8-encrypted-3des.pem", "wrong-pass").getMessage()
                .contains("cannot be decrypted"));
        assertTrue(refused("classpath:keys/rsa-pkcs1-encrypted-aes.pem", "wrong-pass").getMessage()
                .contains("cannot be decrypted"));
    }

    @Test
    void onlyRsaKeysOf2048BitsOrMore() {
        assertTrue(refused("classpath:keys/ec-p256.pem", null).getMessage().contains("needs an RSA key"));
        assertTrue(refused("classpath:keys/rsa-1024.pem", null).getMessage().contains("1024-bit"));
    }

    @Test
    void garbageAndEmptyAreRefusedWithoutEchoingThem() {
        assertEquals("is empty", refused("  ", null).getMessage());
        KeyFormatException e = refused("-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----", null);
        assertFalse(e.getMessage().contains("not base64"), e.getMessage());
        assertTrue(refused("just some words here", null).getMessage().contains("value not shown"));
    }

    @Test
    void environmentVariablesAreNamedButTheirValuesNeverShown() {
        assertEquals("environment variable 'B2B_TEST_SURELY_UNSET_1F3A' is not set",
                refused("env:B2B_TEST_SURELY_UNSET_1F3A", null).getMessage());
        // PATH is set everywhere and is no key: the message names the variable, not its value
        String path = System.getenv("PATH");
        KeyFormatException e = refused("env:PATH", null);
        assertTrue(e.getMessage().contains("environment variable 'PATH'"), e.getMessage());
        assertFalse(e.getMessage().contains(path), e.getMessage());
    }
}
