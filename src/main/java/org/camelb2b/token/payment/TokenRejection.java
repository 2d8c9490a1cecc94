package org.camelb2b.token.payment;

import java.util.Locale;

import org.camelb2b.token.provider.Dialect;
import org.camelb2b.token.token.ResponseCode;

/**
 * Tells a payment call rejected because of its access token (revoked, expired early, unknown)
 * from other failures, which must never be retried.
 *
 * <ul>
 * <li>SNAP: HTTP 401 with case {@code 01} (invalid token (B2B)) or {@code 03} (token not found),
 * or case {@code 00} when the message is about the token (case 00 is also "Unauthorized.
 * Signature", which a new token does not fix).</li>
 * <li>Klikoo: {@code 401xx6500} invalid token and {@code 401xx6535} token expired.</li>
 * </ul>
 */
public final class TokenRejection {

    private TokenRejection() {
    }

    public static boolean isTokenRejected(Dialect dialect, int httpStatus, ResponseCode code, String message) {
        if (code == null || !code.isSplit() || code.httpStatus() != 401) {
            return false;
        }
        if (dialect == Dialect.KLIKOO) {
            return "6500".equals(code.caseCode()) || "6535".equals(code.caseCode());
        }
        String caseCode = code.caseCode();
        if ("01".equals(caseCode) || "03".equals(caseCode)) {
            return true;
        }
        return "00".equals(caseCode) && message != null && message.toLowerCase(Locale.ROOT).contains("token");
    }
}
