package whatsapp.evolution.instances.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import whatsapp.evolution.instances.Recorded;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Reachability;
import whatsapp.evolution.instances.entity.Removal;
import whatsapp.evolution.instances.entity.Restart;

/** The real MP REST client against WireMock, for shapes the simulator does not produce. */
class EvolutionTest {

    static final String NAME = "clinic-abc-123-1763224272772";
    static final String KEY = "wire-key";
    static final String NOT_FOUND_AS_STRING = """
            {"status":404,"error":"Not Found","response":{"message":"The \\"%s\\" instance does not exist"}}""".formatted(NAME);
    static final String UNAUTHORIZED = """
            {"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}""";

    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Evolution evolution;

    @BeforeEach
    void connect() {
        var settings = EvolutionSettings.of(URI.create(wire.baseUrl()), KEY)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofSeconds(1)); // read 1 s: room for a loaded machine, still under the 1.5 s hang below
        evolution = new Evolution(settings, registry, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        evolution.close();
    }

    @Test
    void proxyErrorPageIsUnavailableAndRetriedOnce() {
        wire.stubFor(get(urlPathEqualTo("/instance/fetchInstances")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>")));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Unavailable("HTTP 502 (not JSON)"));
        wire.verify(2, getRequestedFor(urlEqualTo("/instance/fetchInstances?instanceName=" + NAME)));
    }

    @Test
    void a404ThatIsNotEvolutionsIsNeverMissingEvenWithAProvenKey() {
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson("[]")));
        assertThat(evolution.list()).isInstanceOf(Listing.Listed.class);
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances?instanceName=" + NAME)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><title>404 Not Found</title><center>nginx</center></html>")));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Unavailable("HTTP 404 not from Evolution"));
    }

    @Test
    void aListingMustBeAnArrayOfNamedRows() {
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson("""
                {"error":true,"message":"database unavailable"}""")));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("Evolution error: database unavailable"));
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson("""
                {"instances":[]}""")));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("listing is not a JSON array"));
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson("""
                [{"id":"x","connectionStatus":"open"}]""")));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("listing row without a name"));
    }

    @Test
    void plainStringNotFoundMessageIsMissingOnceTheKeyIsProven() {
        stubNotFound();
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson(Recorded.text("v2/fetch-instances-v2.json"))));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Missing(NAME));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Missing(NAME));
        wire.verify(1, getRequestedFor(urlEqualTo("/instance/fetchInstances")));
        wire.verify(getRequestedFor(urlEqualTo("/instance/fetchInstances")).withHeader("apikey", equalTo(KEY)));
    }

    @Test
    void a404WithARejectedKeyIsUnavailable() {
        stubNotFound();
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(aResponse().withStatus(401).withBody(UNAUTHORIZED)));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Unavailable("API key rejected"));
        assertThat(evolution.delete(NAME)).isEqualTo(new Removal.Unavailable("API key rejected"));
    }

    @Test
    void any401ClearsTheProof() {
        stubNotFound();
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances")).willReturn(okJson("[]")));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Missing(NAME));
        wire.stubFor(post(urlEqualTo("/instance/restart/other")).willReturn(aResponse().withStatus(401).withBody(UNAUTHORIZED)));
        assertThat(evolution.restart("other")).isEqualTo(new Restart.Unavailable("API key rejected"));
        assertThat(evolution.lookup(NAME)).isEqualTo(new Lookup.Missing(NAME));
        wire.verify(2, getRequestedFor(urlEqualTo("/instance/fetchInstances")));
    }

    @Test
    void errorTrueOnConnectAndRestartIsUnavailable() {
        wire.stubFor(get(urlEqualTo("/instance/connect/" + NAME)).willReturn(okJson("""
                {"error":true,"message":"Connection Closed"}""")));
        wire.stubFor(post(urlEqualTo("/instance/restart/" + NAME)).willReturn(okJson("""
                {"error":true,"message":"[object Object]"}""")));
        assertThat(evolution.connect(NAME, Optional.empty())).isEqualTo(new Pairing.Unavailable("Evolution error: Connection Closed"));
        assertThat(evolution.restart(NAME)).isEqualTo(new Restart.Unavailable("Evolution error: [object Object]"));
        wire.verify(1, postRequestedFor(urlEqualTo("/instance/restart/" + NAME)));
    }

    @Test
    void connectAsksForAPairingCodeWhenGivenANumber() {
        wire.stubFor(get(urlEqualTo("/instance/connect/" + NAME + "?number=5511999990000")).willReturn(okJson("""
                {"pairingCode":"WZYEH1YY","code":"2@abc","base64":"data:image/png;base64,AAAA","count":1}""")));
        assertThat(evolution.connect(NAME, Optional.of("5511999990000")))
                .isEqualTo(new Pairing.QrCode("data:image/png;base64,AAAA", "2@abc", "WZYEH1YY", 1));
    }

    @Test
    void createSendsTheV2BodyAndReadsTheToken() {
        wire.stubFor(post(urlEqualTo("/instance/create")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Recorded.text("v2/create-201.json"))));
        var created = evolution.create(new CreateInstance(NAME, "https://svc.example/hooks",
                Map.of("x-evolution-secret", "s3cr3t"), List.of("CONNECTION_UPDATE")));
        assertThat(created).isEqualTo(new Creation.Created(NAME, "3f6d2a9e-8c41-4b7a-9f0e-5d2c7b1a4e63",
                "B7E4C2A1-9D3F-4E8B-A6C5-1F2E3D4C5B6A", "connecting"));
        wire.verify(postRequestedFor(urlEqualTo("/instance/create")).withHeader("apikey", equalTo(KEY)).withRequestBody(equalToJson("""
                {"instanceName":"%s","integration":"WHATSAPP-BAILEYS","qrcode":false,
                 "webhook":{"url":"https://svc.example/hooks","byEvents":false,"base64":false,
                            "headers":{"x-evolution-secret":"s3cr3t"},"events":["CONNECTION_UPDATE"]}}""".formatted(NAME))));
    }

    @Test
    void createRefusalsAreTold() {
        wire.stubFor(post(urlEqualTo("/instance/create")).willReturn(aResponse().withStatus(403)
                .withBody(Recorded.text("v2/create-403-duplicate.json"))));
        assertThat(evolution.create(new CreateInstance(NAME, null, null, null))).isEqualTo(new Creation.NameTaken(NAME));
        wire.stubFor(post(urlEqualTo("/instance/create")).willReturn(aResponse().withStatus(400).withBody("""
                {"status":400,"error":"Bad Request","response":{"message":["Invalid integration"]}}""")));
        assertThat(evolution.create(new CreateInstance(NAME, null, null, null)))
                .isEqualTo(new Creation.Rejected(List.of("Invalid integration")));
        wire.stubFor(post(urlEqualTo("/instance/create")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(evolution.create(new CreateInstance(NAME, null, null, null))).isInstanceOf(Creation.Unavailable.class);
        wire.verify(3, postRequestedFor(urlEqualTo("/instance/create")));
    }

    @Test
    void deleteToleratesNotConnectedAndAServerErrorOnLogout() {
        wire.stubFor(delete(urlEqualTo("/instance/logout/" + NAME)).willReturn(aResponse().withStatus(400).withBody("""
                {"status":400,"error":"Bad Request","response":{"message":["The \\"%s\\" instance is not connected"]}}""".formatted(NAME))));
        wire.stubFor(delete(urlEqualTo("/instance/delete/" + NAME)).willReturn(okJson(Recorded.text("v2/delete-200.json"))));
        assertThat(evolution.delete(NAME)).isEqualTo(new Removal.Deleted(NAME));
        wire.stubFor(delete(urlEqualTo("/instance/logout/" + NAME)).willReturn(aResponse().withStatus(500).withBody("""
                {"status":500,"error":"Internal Server Error","response":{"message":["logout failed"]}}""")));
        assertThat(evolution.delete(NAME)).isEqualTo(new Removal.Deleted(NAME));
        wire.verify(2, deleteRequestedFor(urlEqualTo("/instance/delete/" + NAME)));
    }

    @Test
    void deleteStopsWhenLogoutGetsNoAnswer() {
        wire.stubFor(delete(urlEqualTo("/instance/logout/" + NAME)).willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
        assertThat(evolution.delete(NAME)).isEqualTo(new Removal.Unavailable("timeout"));
        wire.verify(0, deleteRequestedFor(urlEqualTo("/instance/delete/" + NAME)));
    }

    @Test
    void v18AnswersANamedLookupWithOneObject() {
        var row = Recorded.array("v1/fetch-instances-v1.json").getJsonObject(0).toString();
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances?instanceName=" + NAME)).willReturn(okJson(row)));
        assertThat(evolution.lookup(NAME)).isInstanceOfSatisfying(Lookup.Found.class,
                found -> assertThat(found.instance().phoneNumber()).contains("5511999990000"));
    }

    @Test
    void aRowLoadedNowhereButInTheDatabaseIsFoundThroughConnectionState() {
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances?instanceName=" + NAME)).willReturn(aResponse().withStatus(404).withBody("""
                {"status":404,"error":"Not Found","response":{"message":["Instance \\"%s\\" not found"]}}""".formatted(NAME))));
        wire.stubFor(get(urlEqualTo("/instance/connectionState/" + NAME)).willReturn(okJson("""
                {"instance":{"instanceName":"%s"}}""".formatted(NAME))));
        assertThat(evolution.lookup(NAME)).isInstanceOfSatisfying(Lookup.Found.class, found -> {
            assertThat(found.instance().name()).isEqualTo(NAME);
            assertThat(found.instance().connectionStatus()).isNull();
        });
    }

    @Test
    void pingReportsTheVersionAndIsCached() {
        wire.stubFor(get(urlEqualTo("/")).willReturn(okJson("""
                {"status":200,"message":"Welcome to the Evolution API, it is working!","version":"2.3.6"}""")));
        assertThat(evolution.ping()).isInstanceOfSatisfying(Reachability.Reachable.class,
                reachable -> assertThat(reachable.version()).isEqualTo("2.3.6"));
        evolution.ping();
        wire.verify(1, getRequestedFor(urlEqualTo("/")));
        assertThat(registry.get("evolution.requests").tag("route", "root").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    void stubNotFound() {
        wire.stubFor(get(urlEqualTo("/instance/fetchInstances?instanceName=" + NAME))
                .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_AS_STRING)));
        wire.stubFor(get(urlEqualTo("/instance/connectionState/" + NAME))
                .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_AS_STRING)));
        wire.stubFor(delete(urlEqualTo("/instance/logout/" + NAME))
                .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_AS_STRING)));
        wire.stubFor(delete(urlEqualTo("/instance/delete/" + NAME))
                .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_AS_STRING)));
    }
}
