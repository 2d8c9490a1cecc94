package org.camelb2b.token.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Turns a private-key setting into an RSA private key, reading PEM with BouncyCastle.
 *
 * <p>The setting may be a file path ({@code keys/doku.pem}, {@code file:...}), a classpath
 * resource ({@code classpath:...}), an environment variable holding the key
 * ({@code env:DOKU_PRIVATE_KEY}: the key never passes through Camel's properties or an endpoint
 * URI), PEM text given inline (a literal {@code \n} is read as a line break) or the bare base64
 * of the DER encoding. Accepted encodings: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, also OpenSSL's legacy encrypted form) and encrypted PKCS#8
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}), including the PKCS#12 PBE schemes such as DOKU's
 * documented {@code openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES}, and PBES2.
 */
public final class PrivateKeyLoader {

    /** Shorter RSA keys are refused: SNAP and Klikoo both ask for 2048 bits. */
    public static final int MIN_RSA_BITS = 2048;

    private static final Provider BC = new BouncyCastleProvider();

    private PrivateKeyLoader() {
    }

    /**
     * Loads the key named by {@code setting}.
     *
     * @param setting    a path, {@code classpath:}/{@code file:}/{@code env:} location, PEM text or base64 DER
     * @param passphrase the passphrase of an encrypted key, or null/empty
     * @throws KeyFormatException naming what is wrong; never containing key material
     */
    public static RSAPrivateKey load(String setting, String passphrase) {
        KeySource key = KeySource.read(setting);
        return key.pem() != null ? fromParsed(key.pemObject(), passphrase, key.source())
                : fromDer(key.der(), passphrase, key.source());
    }

    private static RSAPrivateKey fromParsed(Object object, String passphrase, String source) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PrivateKeyInfo info) {
                return requireRsa(converter.getPrivateKey(info), source);
            }
            if (object instanceof PEMKeyPair pair) {
                if (pair.getPrivateKeyInfo() == null) {
                    throw publicKeyGiven(source);
                }
                return requireRsa(converter.getKeyPair(pair).getPrivate(), source);
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                char[] pass = requirePassphrase(passphrase, source);
                PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(pass));
                return requireRsa(converter.getPrivateKey(info), source);
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                char[] pass = requirePassphrase(passphrase, source);
                PEMKeyPair pair = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pass));
                return requireRsa(converter.getKeyPair(pair).getPrivate(), source);
            }
            if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
                throw publicKeyGiven(source);
            }
        } catch (PKCSException | PEMException | OperatorCreationException e) {
            throw new KeyFormatException(source + " cannot be decrypted: wrong passphrase or unsupported encryption ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new KeyFormatException(source + " cannot be decrypted: " + e.getMessage(), e);
        }
        throw new KeyFormatException(source + " holds a " + object.getClass().getSimpleName()
                + ", not an RSA private key");
    }

    /** Bare DER: PKCS#8, encrypted PKCS#8 or PKCS#1, told apart by their ASN.1 shape. */
    private static RSAPrivateKey fromDer(byte[] der, String passphrase, String source) {
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new KeyFormatException(source + " is neither PEM nor a DER-encoded key", e);
        }
        ASN1Encodable[] parts = seq.toArray();
        if (parts.length == 2 && parts[1] instanceof DERBitString) {
            throw publicKeyGiven(source);
        }
        if (parts.length == 2 && parts[1] instanceof ASN1OctetString) {
            return fromParsed(new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(seq)), passphrase, source);
        }
        if (parts.length >= 9) {
            org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(seq);
            AlgorithmIdentifier alg = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
            try {
                return fromParsed(new PrivateKeyInfo(alg, rsa), passphrase, source);
            } catch (IOException e) {
                throw new KeyFormatException(source + " is not a valid PKCS#1 key", e);
            }
        }
        try {
            return fromParsed(PrivateKeyInfo.getInstance(seq), passphrase, source);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(source + " is not a PKCS#8 or PKCS#1 private key", e);
        }
    }

    private static RSAPrivateKey requireRsa(PrivateKey key, String source) {
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new KeyFormatException(source + " holds a " + key.getAlgorithm()
                    + " key; SHA256withRSA needs an RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new KeyFormatException(source + " holds a " + bits + "-bit RSA key; at least " + MIN_RSA_BITS
                    + " bits are required");
        }
        return rsa;
    }

    private static char[] requirePassphrase(String passphrase, String source) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new KeyFormatException(source + " is encrypted and no passphrase is set");
        }
        return passphrase.toCharArray();
    }

    private static KeyFormatException publicKeyGiven(String source) {
        return new KeyFormatException(source + " holds a public key or certificate, not a private key");
    }
}
