package org.camelb2b.token.payment;

/** Exchange header and property names of signed payment calls. */
public final class PaymentHeaders {

    /** In: the provider id, when the step is used outside a provider's own call route. */
    public static final String PROVIDER = "B2bProvider";
    /** In: the path of the payment endpoint below the provider's base URL, e.g. {@code /orders/v1.0/transfer-va/status}. */
    public static final String PATH = "B2bPath";
    /** In: the query string as it is to be sent, without {@code ?} (optional). */
    public static final String QUERY = "B2bQuery";

    /** Out: the provider's response code as received, e.g. {@code 2002700}. */
    public static final String RESPONSE_CODE = "B2bResponseCode";
    /** Out: the code's HTTP part (3 digits), service part and case part. */
    public static final String RESPONSE_HTTP_STATUS = "B2bResponseHttpStatus";
    public static final String RESPONSE_SERVICE_CODE = "B2bResponseServiceCode";
    public static final String RESPONSE_CASE_CODE = "B2bResponseCaseCode";
    /** Out: the provider's response message. */
    public static final String RESPONSE_MESSAGE = "B2bResponseMessage";
    /** Out: {@code true} when the HTTP status and the response code both say success (2xx). */
    public static final String RESPONSE_SUCCESS = "B2bResponseSuccess";
    /** Out: how many times the call was sent (2 after a retry on a rejected token). */
    public static final String ATTEMPTS = "B2bAttempts";

    /** Property: the request as signed, kept for the one retry after a rejected token. */
    public static final String SIGNED_REQUEST = "B2bSignedRequest";
    /** Property: the token the call was signed with, for compare-and-invalidate on a 401. */
    static final String USED_TOKEN = "B2bUsedToken";
    /** Property: the provider's camel-http endpoint ({@link org.apache.camel.Endpoint}) the call is sent to, set by {@code b2bCallSigner}. */
    public static final String CALL_ENDPOINT = "B2bCallEndpoint";
    /** Property: set by the response step when the call is to be sent once more with a new token. */
    public static final String RETRY = "B2bRetry";

    private PaymentHeaders() {
    }
}
