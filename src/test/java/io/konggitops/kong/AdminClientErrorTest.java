package io.konggitops.kong;

import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.konggitops.kong.AdminClientWriteTest.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdminClientErrorTest {
    private static final String TOKEN = "very-secret-admin-token";
    private final WireMockKong kong = new WireMockKong();

    @AfterEach
    void stop() {
        kong.close();
    }

    private KongApiException putFails(String path, int status, String body, KongEntity entity) {
        kong.server.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        try (AdminClient client = kong.client(kong.options().adminToken(TOKEN))) {
            KongApiException e = catchThrowableOfType(KongApiException.class, () -> client.put(entity));
            assertThat(e).as("PUT %s must fail", path).isNotNull();
            assertThat(e.getMessage()).doesNotContain(TOKEN);
            return e;
        }
    }

    private static KongEntity fromIngress(EntityType type, Map<String, ?> fields) {
        return entity(type, fields).withSource(ObjectRef.of("Ingress", "shop", "web"), Origin.of("apps/shop/ingress.yaml", 12));
    }

    @Test
    void aSchemaViolationNamesTheEntityRequestKongMessageFieldsAndManifest() {
        KongApiException e = putFails("/services/s-1", 400, """
                {"code":2,"name":"schema violation",
                 "message":"2 schema violations (host: required field missing; port: value should be between 0 and 65535)",
                 "fields":{"host":"required field missing","port":"value should be between 0 and 65535",
                           "healthchecks":{"active":{"timeout":"expected a number"}}}}""",
                fromIngress(EntityType.SERVICE, Map.of("id", "s-1", "name", "shop.web.80", "port", 70000)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.errorName()).isEqualTo("schema violation");
        assertThat(e.fieldErrors()).containsEntry("host", "required field missing").containsKey("healthchecks");
        assertThat(e.retryable()).isFalse();
        assertThat(e.entity().name()).isEqualTo("shop.web.80");
        assertThat(e.getMessage())
                .startsWith("services shop.web.80: PUT /services/s-1 failed with HTTP 400 (schema violation): 2 schema violations")
                .contains("host: required field missing")
                .contains("healthchecks.active.timeout: expected a number")
                .endsWith("(from Ingress shop/web at apps/shop/ingress.yaml:12)");
    }

    @Test
    void notFoundNamesTheRequest() {
        KongApiException e = putFails("/plugins/p-1", 404, "{\"message\":\"Not found\"}",
                entity(EntityType.PLUGIN, Map.of("id", "p-1", "name", "cors")));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("plugins cors: PUT /plugins/p-1 failed with HTTP 404: Not found");
    }

    @Test
    void aUniqueViolationNamesTheConflictingValue() {
        KongApiException e = putFails("/services/s-2", 409, """
                {"code":5,"name":"unique constraint violation","message":"UNIQUE violation detected on '{name=\\"svc1\\"}'",
                 "fields":{"name":"svc1"}}""", entity(EntityType.SERVICE, Map.of("id", "s-2", "name", "svc1")));
        assertThat(e.code()).isEqualTo(5);
        assertThat(e.getMessage()).contains("HTTP 409 (unique constraint violation): UNIQUE violation detected on '{name=\"svc1\"}'");
    }

    @Test
    void aUniqueViolationOnACredentialKeyNeverShowsTheKey() {
        KongApiException e = putFails("/key-auths/k-1", 409, """
                {"code":5,"name":"unique constraint violation","message":"UNIQUE violation detected on '{key=\\"hunter2-key\\"}'",
                 "fields":{"key":"hunter2-key"}}""",
                entity(EntityType.KEY_AUTH, Map.of("id", "k-1", "key", "hunter2-key", "consumer", Map.of("id", "c"))));
        assertThat(e.getMessage()).doesNotContain("hunter2-key").contains("key=(hidden)");
        assertThat(e.kongMessage()).doesNotContain("hunter2-key");
        assertThat(e.fieldErrors().toString()).doesNotContain("hunter2-key");
    }

    @Test
    void aCertificateKeyNeverReachesTheMessage() {
        String key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        kong.server.stubFor(get(urlPathEqualTo("/certificates/c-1")).willReturn(aResponse().withStatus(404)));
        KongApiException e = putFails("/certificates/c-1", 400, """
                {"code":2,"name":"schema violation","message":"schema violation (key: invalid key: could not parse)",
                 "fields":{"key":"invalid key: could not parse"}}""",
                entity(EntityType.CERTIFICATE, Map.of("id", "c-1", "cert", "PEM", "key", key)));
        assertThat(e.getMessage()).doesNotContain("MIIEvQ").contains("key: invalid key: could not parse");
    }

    @Test
    void dbLessKongRefusingEntityWritesSaysSoAndPointsAtPostConfig() {
        KongApiException e = putFails("/services/s-1", 405, """
                {"code":12,"name":"operation unsupported","message":"cannot create or update 'services' entities when not using a database"}""",
                fromIngress(EntityType.SERVICE, Map.of("id", "s-1", "name", "shop.web.80")));
        assertThat(e.status()).isEqualTo(405);
        assertThat(e.code()).isEqualTo(12);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("cannot create or update 'services' entities when not using a database")
                .contains("Kong runs DB-less (database = off)")
                .contains("POST /config")
                .contains("Ingress shop/web at apps/shop/ingress.yaml:12");
    }

    @Test
    void unauthorizedHintsAtTheTokenWithoutShowingIt() {
        KongApiException e = putFails("/services/s-1", 401, "{\"message\":\"Invalid credentials. Token or User credentials required\"}",
                entity(EntityType.SERVICE, Map.of("id", "s-1", "name", "a")));
        assertThat(e.getMessage()).contains("check the admin token (sent as header Kong-Admin-Token)");
    }

    @Test
    void aServerErrorIsRetryableAndHonoursAnHttpDateRetryAfter() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        kong.server.stubFor(put(urlPathEqualTo("/routes/r-1")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", inAMinute).withBody("{\"message\":\"Kong currently exiting\"}")));
        try (AdminClient client = kong.client()) {
            KongApiException e = catchThrowableOfType(KongApiException.class,
                    () -> client.put(entity(EntityType.ROUTE, Map.of("id", "r-1", "name", "r"))));
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).hasValueSatisfying(d ->
                    assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(61)));
        }
    }

    @Test
    void aNonJsonErrorBodyIsShownShortened() {
        KongApiException e = putFails("/routes/r-1", 502, "<html>" + "bad gateway ".repeat(100) + "</html>",
                entity(EntityType.ROUTE, Map.of("id", "r-1", "name", "r")));
        assertThat(e.code()).isNull();
        assertThat(e.getMessage()).contains("HTTP 502: <html>bad gateway").hasSizeLessThan(700);
    }

    @Test
    void postConfigFlattenedErrorsListEachEntityWithItsKubernetesObject() {
        kong.server.stubFor(post(urlPathEqualTo("/config")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                {"code":14,"name":"invalid declarative configuration",
                 "message":"declarative config is invalid: {services={{host=\\"required field missing\\"}}}",
                 "fields":{"services":[{"host":"required field missing"}]},
                 "flattened_errors":[
                   {"entity_type":"service","entity_name":"shop.web.80","entity_id":"0b1c",
                    "entity_tags":["k8s-name:web","k8s-namespace:shop","k8s-kind:Service","k8s-uid:1"],
                    "entity":{"name":"shop.web.80"},
                    "errors":[{"type":"field","field":"host","message":"required field missing"},
                              {"type":"entity","message":"failed conditional validation"}]},
                   {"entity_type":"plugin","entity_name":"rate-limiting","entity_tags":null,
                    "errors":[{"type":"field","field":"config.minute","message":"expected a number"}]}]}""")));
        try (AdminClient client = kong.client(kong.options().adminToken(TOKEN))) {
            KongConfigException e = catchThrowableOfType(KongConfigException.class, () -> client.postConfig("{}"));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(14);
            assertThat(e.entityErrors()).hasSize(2);
            KongConfigException.EntityError first = e.entityErrors().get(0);
            assertThat(first.source()).isEqualTo(ObjectRef.of("Service", "shop", "web"));
            assertThat(first.messages()).containsExactly("host: required field missing", "failed conditional validation");
            assertThat(e.getMessage())
                    .startsWith("POST /config?check_hash=1&flatten_errors=1: Kong rejected the declarative configuration"
                            + " (HTTP 400, invalid declarative configuration), 2 entities have errors:")
                    .contains("\n  - service shop.web.80 (Service shop/web): host: required field missing; failed conditional validation")
                    .contains("\n  - plugin rate-limiting: config.minute: expected a number")
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void postConfigWithoutFlattenedErrorsStillGivesKongsMessage() {
        kong.server.stubFor(post(urlPathEqualTo("/config")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"this endpoint is only available when Kong is configured to not use a database\"}")));
        try (AdminClient client = kong.client()) {
            KongApiException e = catchThrowableOfType(KongApiException.class, () -> client.postConfig("{}"));
            assertThat(e).isNotInstanceOf(KongConfigException.class);
            assertThat(e.getMessage()).contains("only available when Kong is configured to not use a database");
        }
    }
}
