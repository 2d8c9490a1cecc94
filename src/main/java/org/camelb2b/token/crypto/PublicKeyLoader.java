package org.camelb2b.token.crypto;

import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Turns a public-key setting (a provider's key, which verifies what the provider signs) into an
 * RSA public key, reading PEM and DER with BouncyCastle.
 *
 * <p>The setting may be a file path ({@code keys/doku-public.pem}, {@code file:...}), a classpath
 * resource ({@code classpath:...}), an environment variable ({@code env:DOKU_PUBLIC_KEY}), PEM
 * text (a literal {@code \n} reads as a line break) or the bare base64 of the DER encoding.
 * Accepted: X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}), PKCS#1
 * ({@code BEGIN RSA PUBLIC KEY}) and an X.509 certificate (its key). RSA of 2048 bits or more.
 */
public final class PublicKeyLoader {


    private PublicKeyLoader() {
    }

    /**
     * Loads the key named by {@code setting}.
     *
     * @throws KeyFormatException naming what is wrong
     */
    public static RSAPublicKey load(String setting) {
        KeySource key = KeySource.read(setting);
        return key.pem() != null ? fromPem(key) : fromDer(key.der(), key.source());
    }

    private static RSAPublicKey fromPem(KeySource key) {
        Object object = key.pemObject();
        String source = key.source();
        if (object instanceof SubjectPublicKeyInfo info) {
            return convert(info, source);
        }
        if (object instanceof X509CertificateHolder certificate) {
            return convert(certificate.getSubjectPublicKeyInfo(), source);
        }
        if (object instanceof org.bouncycastle.asn1.pkcs.RSAPublicKey rsa) {
            return convert(pkcs1(rsa), source);
        }
        if (object instanceof PEMKeyPair || object.getClass().getSimpleName().contains("Private")) {
            throw new KeyFormatException(source + " holds a private key: give the provider's public key");
        }
        throw new KeyFormatException(source + " holds a " + object.getClass().getSimpleName()
                + ", not an RSA public key");
    }

    /** Bare DER: X.509 SubjectPublicKeyInfo or PKCS#1 RSAPublicKey, told apart by their ASN.1 shape. */
    private static RSAPublicKey fromDer(byte[] der, String source) {
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new KeyFormatException(source + " is neither PEM nor a DER-encoded public key", e);
        }
        SubjectPublicKeyInfo info = null;
        try {
            if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1Sequence) {
                info = SubjectPublicKeyInfo.getInstance(seq);
            } else if (seq.size() == 2) {
                info = pkcs1(org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(seq));
            }
        } catch (KeyFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(source + " is not an X.509 or PKCS#1 public key", e);
        }
        if (info != null) {
            return convert(info, source);
        }
        throw new KeyFormatException(source + " is not a public key (a private key? give the provider's public key)");
    }

    private static SubjectPublicKeyInfo pkcs1(org.bouncycastle.asn1.pkcs.RSAPublicKey rsa) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), rsa);
        } catch (IOException e) {
            throw new KeyFormatException("not a valid PKCS#1 public key", e);
        }
    }

    private static RSAPublicKey convert(SubjectPublicKeyInfo info, String source) {
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(info);
        } catch (PEMException | RuntimeException e) {
            throw new KeyFormatException(source + " is not a usable public key (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new KeyFormatException(source + " holds a " + key.getAlgorithm()
                    + " key; SHA256withRSA needs an RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < PrivateKeyLoader.MIN_RSA_BITS) {
            throw new KeyFormatException(source + " holds a " + bits + "-bit RSA key; at least "
                    + PrivateKeyLoader.MIN_RSA_BITS + " bits are required");
        }
        return rsa;
    }
}
