package org.camelb2b.token.provider;

import java.util.List;

/**
 * The variations of one provider's token exchange within its dialect, as its preset or settings give
 * them: whether the request body carries {@code additionalInfo}, which {@code tokenType} values the
 * answer may carry (any case), and whether its lifetime may come as the expiry's date-time.
 */
public record TokenRules(boolean requestAdditionalInfo, List<String> tokenTypes, boolean expiresInDateTime) {

    /** A snap provider as ASPI writes it: no additionalInfo, Bearer, seconds. */
    public static final TokenRules DEFAULT = new TokenRules(false, List.of("Bearer"), false);

    public TokenRules {
        tokenTypes = List.copyOf(tokenTypes);
    }

    /** Whether {@code type} is one of the token types this provider may answer (any case). */
    public boolean acceptsType(String type) {
        return type != null && tokenTypes.stream().anyMatch(type::equalsIgnoreCase);
    }
}
