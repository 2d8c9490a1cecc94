package org.camelb2b.token.token;

import java.util.Objects;

/**
 * Where a token response carries what {@link TokenResponseParser} reads, as a dialect answers it.
 * {@code expiresIn} is taken as a JSON number or a string of one, and the token type as
 * {@code Bearer} in any case, whatever the format.
 *
 * @param codeField    the response code's field at the top level ({@code responseCode}); null for
 *                     RFC 6749's answer, where the HTTP status 200 is the success and an error says
 *                     {@code error} (and {@code error_description}) with a 4xx
 * @param messageField the response message's field at the top level ({@code responseMessage})
 * @param dataField    the object holding the token fields ({@code data}), or null when they sit at the top level
 * @param tokenField   the access token's field ({@code accessToken})
 * @param typeField    the token type's field ({@code tokenType})
 * @param expiresField the lifetime's field, in seconds ({@code expiresIn})
 * @param successCode  the full response code of a successful token call ({@code 2007300})
 */
public record TokenResponseFormat(String codeField, String messageField, String dataField, String tokenField,
                                  String typeField, String expiresField, String successCode) {

    public TokenResponseFormat {
        Objects.requireNonNull(messageField);
        Objects.requireNonNull(tokenField);
        Objects.requireNonNull(typeField);
        Objects.requireNonNull(expiresField);
        Objects.requireNonNull(successCode);
    }
}
