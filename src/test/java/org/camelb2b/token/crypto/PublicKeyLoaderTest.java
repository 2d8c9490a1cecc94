package org.camelb2b.token.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.camelb2b.token.testing.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's public key in every form providers hand them out, and what is refused. */
class PublicKeyLoaderTest {

    @TempDir
    Path dir;

    final RSAPublicKey expected = (RSAPublicKey) Keys.publicKey();

    @Test
    void readsX509Pkcs1CertificateAndBase64Der() throws Exception {
        assertEquals(expected, PublicKeyLoader.load("classpath:keys/rsa-public.pem"));
        assertEquals(expected, PublicKeyLoader.load("classpath:keys/rsa-public-pkcs1.pem"));
        assertEquals(expected, PublicKeyLoader.load("classpath:keys/certificate.pem"));
        String pem = Keys.text("keys/rsa-public.pem");
        assertEquals(expected, PublicKeyLoader.load(pem));
        assertEquals(expected, PublicKeyLoader.load(pem.replace("\n", "\\n")), "a literal \\n reads as a line break");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertEquals(expected, PublicKeyLoader.load(base64));
        Path file = dir.resolve("provider.pem");
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        assertEquals(expected, PublicKeyLoader.load(file.toString()));
        assertEquals(expected, PublicKeyLoader.load("file:" + file));
        Path der = dir.resolve("provider.der");
        Files.write(der, Base64.getDecoder().decode(base64));
        assertEquals(expected, PublicKeyLoader.load(der.toString()));
    }

    @Test
    void refusesPrivateKeysShortKeysAndOtherThings() throws Exception {
        KeyFormatException priv = assertThrows(KeyFormatException.class,
                () -> PublicKeyLoader.load("classpath:keys/rsa-pkcs8.pem"));
        assertTrue(priv.getMessage().contains("holds a private key"), priv.getMessage());
        assertTrue(assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load("classpath:keys/rsa-pkcs1.pem"))
                .getMessage().contains("private key"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        String shortKey = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
        assertTrue(assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load(shortKey)).getMessage()
                .contains("1024-bit RSA key; at least 2048"));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecKey = Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());
        assertTrue(assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load(ecKey)).getMessage()
                .contains("SHA256withRSA needs an RSA key"));
        assertTrue(assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load("keys/missing.pem")).getMessage()
                .contains("no such key file"));
        assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load(""));
        assertThrows(KeyFormatException.class, () -> PublicKeyLoader.load("-----BEGIN PUBLIC KEY-----\nnot base64!\n"
                + "-----END PUBLIC KEY-----"));
    }

    @Test
    void theVerifierChecksExactlyWhatWasSigned() throws Exception {
        RsaVerifier verifier = new RsaVerifier(expected);
        String signature = new RsaSigner(PrivateKeyLoader.load("classpath:keys/rsa-pkcs8.pem", null))
                .sign("MCH-1", "2024-05-02T14:43:08+07:00");
        assertTrue(verifier.verify("MCH-1|2024-05-02T14:43:08+07:00", signature));
        assertFalse(verifier.verify("MCH-1|2024-05-02T14:43:09+07:00", signature));
        assertFalse(verifier.verify("MCH-1|2024-05-02T14:43:08+07:00", "not base64 %%"));
        assertFalse(verifier.verify("MCH-1|2024-05-02T14:43:08+07:00", signature.substring(4)));
        assertFalse(verifier.verify("x", null));
    }
}
