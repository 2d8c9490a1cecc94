package org.camelb2b.token.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelb2b.token.payment.PaymentCallException;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.token.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code b2b} component as a Camel user meets it: routes with {@code b2b:token:} and
 * {@code b2b:call:} endpoints, settings in the application's properties, against the sandbox, which
 * verifies every token request and signed call as the provider does.
 */
class B2bComponentTest extends CamelTestSupport {

    static final String CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
    static final String VA_BODY = "{\"partnerServiceId\":\"  888994\",\"customerNo\":\"00000000000000000001\","
            + "\"virtualAccountNo\":\"  88899400000000000000000001\",\"virtualAccountName\":\"Budi\","
            + "\"trxId\":\"INV-1\",\"totalAmount\":{\"value\":\"12500.00\",\"currency\":\"IDR\"}}";

    static SandboxProvider sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSetup.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties settings = new Properties();
        settings.putAll(SandboxSetup.settings(sandbox));
        // a provider whose other settings are its endpoints' options
        settings.put("b2b.wrong-secret.channel-id", "95221");
        context.getPropertiesComponent().setInitialProperties(settings);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:token").to("b2b:token:doku").to("mock:token");
                from("direct:create-va").to("b2b:call:doku?path=" + CREATE_VA).to("mock:call");
            }
        };
    }

    @Test
    void tokenEndpointSetsAuthorizationAndKeepsBodyAndHeaders() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:token");
        out.expectedBodiesReceived("my own body");
        out.expectedHeaderReceived("X-Correlation-Id", "corr-1");
        template.sendBodyAndHeader("direct:token", "my own body", "X-Correlation-Id", "corr-1");
        out.assertIsSatisfied();
        String authorization = out.getReceivedExchanges().get(0).getMessage().getHeader("Authorization", String.class);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        assertTrue(sandbox.isValidToken(authorization.substring("Bearer ".length())), "a token the sandbox issued");
    }

    @Test
    void callEndpointMakesASignedCallTheProviderAccepts() throws Exception {
        int accepted = sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT);
        int refused = sandbox.signatureRejections();
        MockEndpoint out = getMockEndpoint("mock:call");
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("B2bResponseCode", "2002700");
        out.expectedHeaderReceived("B2bResponseSuccess", true);
        out.expectedHeaderReceived("X-Correlation-Id", "corr-2");
        template.sendBodyAndHeader("direct:create-va", VA_BODY, "X-Correlation-Id", "corr-2");
        out.assertIsSatisfied();

        Map<String, Object> headers = out.getReceivedExchanges().get(0).getMessage().getHeaders();
        // the request's own headers stay with the request
        for (String owned : new String[] {"Authorization", "X-SIGNATURE", "X-TIMESTAMP", "B2bPath", "B2bProvider"}) {
            assertFalse(headers.containsKey(owned), owned + " in " + headers.keySet());
        }
        assertEquals(accepted + 1, sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT));
        assertEquals(refused, sandbox.signatureRejections());
    }

    @Test
    void theEndpointsPathWinsOverAPathHeaderAndTheHeaderComesBack() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:call");
        out.expectedHeaderReceived("B2bResponseCode", "2002700");
        out.expectedHeaderReceived("B2bPath", "/left/over/from/another/call");
        template.sendBodyAndHeader("direct:create-va", VA_BODY, "B2bPath", "/left/over/from/another/call");
        out.assertIsSatisfied();
    }

    @Test
    void settingsAsOptionsAndAnUnsuccessfulAnswerAsAnExceptionUnlessAskedNotTo() throws Exception {
        // a provider declared by its endpoints' options alone, with a client secret the sandbox
        // does not know: the token is issued, every signed call refused (401 27 00)
        String provider = "b2b:call:wrong-secret?path=" + CREATE_VA + "&baseUrl=" + sandbox.baseUrl()
                + "&clientId=" + SandboxSetup.DOKU_CLIENT + "&privateKey=" + Keys.PKCS8 + "&clientSecret=RAW(not-the-secret)";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lenient").to(provider + "&throwOnFailure=false");
                from("direct:strict").to(provider);
            }
        });
        Exchange answer = template.send("direct:lenient", e -> e.getMessage().setBody(VA_BODY));
        assertNull(answer.getException());
        assertEquals(false, answer.getMessage().getHeader("B2bResponseSuccess"));
        assertEquals("4012700", answer.getMessage().getHeader("B2bResponseCode"));
        Exchange thrown = template.send("direct:strict", e -> e.getMessage().setBody(VA_BODY));
        assertInstanceOf(PaymentCallException.class, thrown.getException());
        assertTrue(thrown.getException().getMessage().contains("4012700"), thrown.getException().getMessage());
    }

    @Test
    void aRouteAddedWhileTheContextRunsGetsItsProvidersFetchRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:klikoo-token").to("b2b:token:klikoo?target=body&dialect=klikoo");
            }
        });
        AccessToken token = template.requestBody("direct:klikoo-token", "", AccessToken.class);
        assertTrue(sandbox.isValidToken(token.value()));
        assertNotNull(context.getRoute("b2b-token-fetch-klikoo"), "the provider's fetch route");
    }

    @Test
    void endpointsAreRefusedWithTheReason() {
        ResolveEndpointFailedException kind = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("b2b:tokn:doku"));
        assertTrue(kind.getMessage().contains("must be token or call"), kind.getMessage());
        ResolveEndpointFailedException id = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("b2b:token:Doku Bank"));
        assertTrue(id.getMessage().contains("lower-case letters"), id.getMessage());
    }

    @Test
    void oneProviderIdHasOneSetOfSettings() throws Exception {
        context.getEndpoint("b2b:token:doku?clientId=CLIENT-ONE");
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:doku-two").to("b2b:token:doku?clientId=CLIENT-TWO");
            }
        }));
        String message = rootMessage(e);
        assertTrue(message.contains("b2b.doku.client-id: declared twice with different values"), message);
        assertFalse(message.contains("CLIENT-ONE") || message.contains("CLIENT-TWO"), message);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
