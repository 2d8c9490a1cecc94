package org.camelb2b.token.cache;

/**
 * What one cached token belongs to: a credential at a token endpoint. Two providers sharing a
 * client id, or one client id with a rotated key, get separate tokens; the payment URL is never
 * part of the key.
 */
public record TokenKey(String provider, String tokenUrl, String clientId, String keyFingerprint) {

    @Override
    public String toString() {
        return provider + "(" + tokenUrl + ", client " + clientId + ", key " + keyFingerprint.substring(0, 12) + ")";
    }
}
