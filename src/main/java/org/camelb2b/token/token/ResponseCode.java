package org.camelb2b.token.token;

/**
 * A provider response code split into its parts: HTTP status (3 digits), service code (2) and
 * case code (the rest: 2 digits in SNAP, 4 in Klikoo's 9-digit codes). A code that is not all
 * digits, or too short to split, keeps its raw text with no parts.
 *
 * @param raw         the code as received
 * @param httpStatus  its first three digits, or -1
 * @param serviceCode the next two digits, or null
 * @param caseCode    the remaining digits, or null
 */
public record ResponseCode(String raw, int httpStatus, String serviceCode, String caseCode) {

    public static ResponseCode parse(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() < 7 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ResponseCode(raw, -1, null, null);
        }
        return new ResponseCode(raw, Integer.parseInt(raw.substring(0, 3)), raw.substring(3, 5), raw.substring(5));
    }

    public boolean isSplit() {
        return httpStatus >= 0;
    }

    @Override
    public String toString() {
        return isSplit() ? raw + " (http " + httpStatus + ", service " + serviceCode + ", case " + caseCode + ")" : raw;
    }
}
