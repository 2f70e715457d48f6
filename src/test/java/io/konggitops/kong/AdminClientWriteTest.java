package io.konggitops.kong;

import com.github.tomakehurst.wiremock.http.Fault;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminClientWriteTest {
    private final WireMockKong kong = new WireMockKong();

    @AfterEach
    void stop() {
        kong.close();
    }

    @Test
    void putReplacesAServiceByIdWithoutTimestampsAndReturnsWhatKongStored() {
        kong.server.stubFor(put(urlPathEqualTo("/services/svc-1")).willReturn(okJson("""
                {"id":"svc-1","name":"shop.web.80","host":"web.shop.80.svc","port":80,"retries":5,"path":null,
                 "created_at":1700000000,"updated_at":1700000001}""")));
        KongEntity service = entity(EntityType.SERVICE, Map.of("id", "svc-1", "name", "shop.web.80",
                "host", "web.shop.80.svc", "created_at", 1, "updated_at", 2))
                .withSource(ObjectRef.of("Ingress", "shop", "web"), Origin.of("apps/shop.yaml", 3));
        try (AdminClient client = kong.client()) {
            KongEntity stored = client.put(service);
            assertThat(stored.get("retries")).isEqualTo(5L);
            assertThat(stored.fields()).containsEntry("path", null);
            assertThat(stored.source()).isEqualTo(service.source());
            assertThat(stored.origin()).isEqualTo(service.origin());
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/services/svc-1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"id\":\"svc-1\",\"name\":\"shop.web.80\",\"host\":\"web.shop.80.svc\"}")));
    }

    @Test
    void anUpstreamWithoutAnIdIsPutByName() {
        kong.server.stubFor(put(urlPathEqualTo("/upstreams/web.shop.80.svc")).willReturn(okJson("{\"id\":\"u1\",\"name\":\"web.shop.80.svc\"}")));
        try (AdminClient client = kong.client()) {
            assertThat(client.put(entity(EntityType.UPSTREAM, Map.of("name", "web.shop.80.svc"))).id()).isEqualTo("u1");
        }
    }

    @Test
    void aCertificatePutCarriesTheSniNamesKongHasSoNoSniIsWiped() {
        kong.server.stubFor(get(urlPathEqualTo("/certificates/cert-1")).willReturn(okJson("""
                {"id":"cert-1","cert":"PEM","key":"KEY","snis":["a.example.com","b.example.com"]}""")));
        kong.server.stubFor(put(urlPathEqualTo("/certificates/cert-1")).willReturn(okJson("""
                {"id":"cert-1","cert":"PEM2","key":"KEY2","snis":["a.example.com","b.example.com"]}""")));
        try (AdminClient client = kong.client()) {
            client.put(entity(EntityType.CERTIFICATE, Map.of("id", "cert-1", "cert", "PEM2", "key", "KEY2")));
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/certificates/cert-1"))
                .withRequestBody(matchingJsonPath("$.snis", equalToJson("[\"a.example.com\",\"b.example.com\"]"))));
    }

    @Test
    void aNewCertificateIsPutWithAnEmptySniListAndItsSnisAsTheirOwnEntities() {
        kong.server.stubFor(get(urlPathEqualTo("/certificates/cert-2")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not found\"}")));
        kong.server.stubFor(put(urlPathEqualTo("/certificates/cert-2")).willReturn(okJson("{\"id\":\"cert-2\",\"snis\":[]}")));
        kong.server.stubFor(put(urlPathEqualTo("/snis/sni-1")).willReturn(okJson("{\"id\":\"sni-1\",\"name\":\"a.example.com\"}")));
        try (AdminClient client = kong.client()) {
            client.put(entity(EntityType.CERTIFICATE, Map.of("id", "cert-2", "cert", "PEM", "key", "KEY",
                    "snis", List.of("a.example.com"))));
            client.put(entity(EntityType.SNI, Map.of("id", "sni-1", "name", "a.example.com",
                    "certificate", Map.of("id", "cert-2"))));
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/certificates/cert-2"))
                .withRequestBody(matchingJsonPath("$.snis", equalToJson("[]"))));
        kong.server.verify(putRequestedFor(urlPathEqualTo("/snis/sni-1"))
                .withRequestBody(equalToJson("{\"id\":\"sni-1\",\"name\":\"a.example.com\",\"certificate\":{\"id\":\"cert-2\"}}")));
    }

    @Test
    void aCaCertificateIsPutWithoutItsComputedDigest() {
        kong.server.stubFor(put(urlPathEqualTo("/ca_certificates/ca-1")).willReturn(okJson("{\"id\":\"ca-1\"}")));
        try (AdminClient client = kong.client()) {
            client.put(entity(EntityType.CA_CERTIFICATE, Map.of("id", "ca-1", "cert", "PEM", "cert_digest", "abc")));
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/ca_certificates/ca-1"))
                .withRequestBody(equalToJson("{\"id\":\"ca-1\",\"cert\":\"PEM\"}")));
    }

    @Test
    void targetsAreCreatedWithPostUnderTheirUpstreamWithoutTheUpstreamField() {
        kong.server.stubFor(post(urlPathEqualTo("/upstreams/web.shop.80.svc/targets")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"t-1\",\"target\":\"10.0.0.1:8080\",\"weight\":100,\"upstream\":{\"id\":\"u1\"}}")));
        KongEntity target = entity(EntityType.TARGET, Map.of("id", "t-1", "target", "10.0.0.1:8080", "weight", 100,
                "upstream", Map.of("name", "web.shop.80.svc")));
        try (AdminClient client = kong.client()) {
            KongEntity created = client.createTarget("web.shop.80.svc", target);
            assertThat(created.foreignKey("upstream")).isEqualTo("u1");
        }
        kong.server.verify(postRequestedFor(urlPathEqualTo("/upstreams/web.shop.80.svc/targets"))
                .withRequestBody(equalToJson("{\"id\":\"t-1\",\"target\":\"10.0.0.1:8080\",\"weight\":100}")));
    }

    @Test
    void targetsAreUpdatedInPlaceWithPut() {
        kong.server.stubFor(put(urlPathEqualTo("/upstreams/u1/targets/t-1")).willReturn(okJson("{\"id\":\"t-1\",\"weight\":5}")));
        try (AdminClient client = kong.client()) {
            client.updateTarget("u1", "t-1", entity(EntityType.TARGET, Map.of("id", "t-1", "target", "10.0.0.1:8080",
                    "weight", 5, "upstream", Map.of("id", "u1"))));
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/upstreams/u1/targets/t-1"))
                .withRequestBody(equalToJson("{\"target\":\"10.0.0.1:8080\",\"weight\":5}")));
    }

    @Test
    void putRefusesTargetsAndEntitiesWithoutIdentity() {
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.put(entity(EntityType.TARGET, Map.of("target", "a:1"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createTarget");
            assertThatThrownBy(() -> client.put(entity(EntityType.CERTIFICATE, Map.of("cert", "PEM"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id");
        }
    }

    @Test
    void deleteSucceedsWhenKongAnswers204AndWhenTheEntityIsAlreadyGone() {
        kong.server.stubFor(delete(urlPathEqualTo("/routes/r-1")).willReturn(aResponse().withStatus(204)));
        kong.server.stubFor(delete(urlPathEqualTo("/upstreams/u1/targets/t-1")).willReturn(aResponse().withStatus(204)));
        kong.server.stubFor(delete(urlPathEqualTo("/upstreams/gone/targets/t-2")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not found\"}")));
        try (AdminClient client = kong.client()) {
            client.delete(EntityType.ROUTE, "r-1", null);
            client.delete(EntityType.TARGET, "t-1", "u1");
            client.delete(EntityType.TARGET, "t-2", "gone");
        }
        kong.server.verify(deleteRequestedFor(urlPathEqualTo("/routes/r-1")));
        kong.server.verify(deleteRequestedFor(urlPathEqualTo("/upstreams/u1/targets/t-1")));
    }

    @Test
    void deleteOfAParentStillReferencedIsAnError() {
        kong.server.stubFor(delete(urlPathEqualTo("/services/s-1")).willReturn(aResponse().withStatus(400).withBody("""
                {"code":19,"name":"referenced by others","message":"an existing 'routes' entity references this 'services' entity"}""")));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.delete(EntityType.SERVICE, "s-1", null))
                    .isInstanceOfSatisfying(KongApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(19);
                        assertThat(e.retryable()).isFalse();
                    })
                    .hasMessageContaining("DELETE /services/s-1 failed with HTTP 400 (referenced by others)");
        }
    }

    @Test
    void postConfigSendsTheDocumentAsAConfigStringWithHashCheckAndFlattenedErrors() {
        kong.server.stubFor(post(urlPathEqualTo("/config")).willReturn(aResponse().withStatus(201).withBody("{}")));
        String doc = "{\"_format_version\":\"3.0\",\"services\":[]}";
        try (AdminClient client = kong.client()) {
            assertThat(client.loadConfig(doc)).isEqualTo(AdminClient.ConfigResult.LOADED);
        }
        kong.server.verify(postRequestedFor(urlPathEqualTo("/config"))
                .withQueryParam("check_hash", equalTo("1")).withQueryParam("flatten_errors", equalTo("1"))
                .withRequestBody(equalToJson("{\"config\":" + quote(doc) + "}")));
    }

    @Test
    void postConfigUnchangedIs304() {
        kong.server.stubFor(post(urlPathEqualTo("/config")).willReturn(aResponse().withStatus(304)));
        try (AdminClient client = kong.client()) {
            assertThat(client.loadConfig("{\"_format_version\":\"3.0\"}")).isEqualTo(AdminClient.ConfigResult.UNCHANGED);
            client.postConfig("{\"_format_version\":\"3.0\"}");
        }
    }

    @Test
    void postConfigWhileKongIsBusyCarriesRetryAfter() {
        kong.server.stubFor(post(urlPathEqualTo("/config")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("{\"message\":\"Currently loading previous configuration\"}")));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.postConfig("{}"))
                    .isInstanceOfSatisfying(KongApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7));
                    })
                    .hasMessageContaining("Currently loading previous configuration");
        }
    }

    @Test
    void aConnectionDroppedMidRequestIsARetryableIoErrorNamingTheEntity() {
        kong.server.stubFor(put(urlPathEqualTo("/services/s-1")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.put(entity(EntityType.SERVICE, Map.of("id", "s-1", "name", "svc"))))
                    .isInstanceOfSatisfying(KongApiException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.retryable()).isTrue();
                    })
                    .hasMessageStartingWith("services svc: PUT /services/s-1 failed: ");
        }
    }

    @Test
    void nothingListeningIsAnIoErrorWithTheUrl() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        try (AdminClient client = new AdminClient(AdminClientOptions.of("http://127.0.0.1:" + port))) {
            assertThatThrownBy(client::root).isInstanceOfSatisfying(KongApiException.class,
                            e -> assertThat(e.status()).isZero())
                    .hasMessageContaining("cannot connect to the Kong Admin API at http://127.0.0.1:" + port);
        }
    }

    @Test
    void writeBodiesNeverCarryTheTokenAndTheTokenIsOnlyAHeader() {
        kong.server.stubFor(put(urlPathEqualTo("/consumers/c-1")).willReturn(okJson("{\"id\":\"c-1\"}")));
        try (AdminClient client = kong.client(kong.options().adminToken("tok-123"))) {
            client.put(entity(EntityType.CONSUMER, Map.of("id", "c-1", "username", "alice")));
        }
        kong.server.verify(putRequestedFor(urlPathEqualTo("/consumers/c-1"))
                .withHeader("Kong-Admin-Token", equalTo("tok-123"))
                .withRequestBody(notContaining("tok-123")));
    }

    @Test
    void oneClientServesManyParallelWritesFromItsPool() throws Exception {
        kong.server.stubFor(put(urlPathMatching("/routes/r-\\d+"))
                .willReturn(okJson("{\"id\":\"r\"}")));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (AdminClient client = kong.client()) {
            List<Future<KongEntity>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                KongEntity route = entity(EntityType.ROUTE, Map.of("id", "r-" + i, "name", "route-" + i));
                results.add(pool.submit(() -> client.put(route)));
            }
            for (var f : results) assertThat(f.get().id()).isEqualTo("r");
        } finally {
            pool.shutdown();
        }
        kong.server.verify(40, putRequestedFor(urlPathMatching("/routes/r-\\d+")));
    }

    static KongEntity entity(EntityType type, Map<String, ?> fields) {
        return new KongEntity(type, new LinkedHashMap<>(fields), null, null);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
