package io.konggitops.diff;

import io.konggitops.apply.Kong;
import io.konggitops.apply.KongFixtures;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.testing.kong.DoubleAdmin;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class NormalisationTest {

    private static Plan diff(KongState desired, KongState live) {
        return Differ.diff(desired, live, builtin(), OPTIONS);
    }

    /** Kong's JSON for a route created with only name, service and paths: every default, nulls, timestamps. */
    private static KongEntity kongRoute(String id, String name, String serviceId, List<String> paths) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", id);
        f.put("created_at", 1700000000L);
        f.put("updated_at", 1700000001L);
        f.put("name", name);
        f.put("service", Map.of("id", serviceId));
        f.put("paths", paths);
        f.put("protocols", List.of("https", "http"));
        for (String k : List.of("methods", "hosts", "headers", "snis", "sources", "destinations")) f.put(k, null);
        f.put("https_redirect_status_code", 426);
        f.put("regex_priority", 0);
        f.put("strip_path", true);
        f.put("path_handling", "v0");
        f.put("preserve_host", false);
        f.put("request_buffering", true);
        f.put("response_buffering", true);
        f.put("tags", List.of(TAG, "k8s-name:web"));
        return KongEntity.of(EntityType.ROUTE, f);
    }

    @Test
    void liveStateEqualToDesiredAfterKongDefaultingGivesAnEmptyPlan() {
        KongState desired = state(
                KongFixtures.service("s1", "shop.web.80"),
                KongFixtures.route("r1", "shop.web.80.0", "s1", "/api", "/"),
                upstream("web.shop.80.svc"),
                target("web.shop.80.svc", "10.0.0.1"),
                target("web.shop.80.svc", "10.0.0.2:8080"),
                KongFixtures.routePlugin("p1", "rate-limiting", "r1", Map.of("minute", 5)),
                KongFixtures.consumer("c1", "alice"),
                KongFixtures.certificate("cert-1"),
                KongFixtures.sni("shop.example.com", "cert-1"));
        try (DoubleAdmin kong = DoubleAdmin.start()) {
            assertThat(Kong.sync(desired, kong.client()).succeeded()).isTrue();

            Plan again = Kong.plan(desired, kong.client());

            assertThat(again.changes()).isEmpty();
            assertThat(again.unchanged()).isEqualTo(9);
        }
    }

    @Test
    void aRouteWithOnlyItsOwnFieldsMatchesKongsFullyDefaultedJson() {
        KongEntity desired = entity(EntityType.ROUTE, "id", "r1", "name", "web", "service", Map.of("id", "s1"),
                "paths", List.of("/"));
        KongEntity live = kongRoute("r1", "web", "s1", List.of("/"));

        assertThat(diff(state(desired), state(live)).isEmpty()).isTrue();
    }

    @Test
    void defaultsComeFromTheLiveSchemaJsonWhenKongServesIt() {
        Map<String, Object> schema = Map.of("fields", List.of(
                Map.of("id", Map.of("type", "string", "auto", true)),
                Map.of("name", Map.of("type", "string")),
                Map.of("host", Map.of("type", "string", "required", true)),
                Map.of("retries", Map.of("type", "integer", "default", 7)),
                Map.of("tags", Map.of("type", "set"))));
        Schemas schemas = Schemas.of(Map.of(EntityType.SERVICE, schema), Map.of(),
                RouterFlavor.TRADITIONAL_COMPATIBLE);
        KongEntity desired = entity(EntityType.SERVICE, "id", "s1", "name", "a", "host", "h");

        Plan same = Differ.diff(state(desired), state(live(desired.with("retries", 7), "s1")), schemas, OPTIONS);
        Plan changed = Differ.diff(state(desired), state(live(desired.with("retries", 5), "s1")), schemas, OPTIONS);

        assertThat(same.isEmpty()).isTrue();
        assertThat(changed.changes()).singleElement().satisfies(c ->
                assertThat(c.fieldChanges()).containsExactly(new FieldChange("retries", 5L, 7L, false)));
    }

    @Test
    void defaultsComeFromTheBuiltInTableWhenSchemasAreUnavailable() {
        KongEntity desired = entity(EntityType.SERVICE, "id", "s1", "name", "a", "host", "h");
        Map<String, Object> kong = new LinkedHashMap<>(desired.fields());
        kong.putAll(Map.of("protocol", "http", "port", 80, "retries", 5, "connect_timeout", 60000,
                "write_timeout", 60000, "read_timeout", 60000, "enabled", true));
        kong.put("path", null);
        kong.put("tls_verify", null);

        assertThat(diff(state(desired), state(live(KongEntity.of(EntityType.SERVICE, kong), "s1"))).isEmpty())
                .isTrue();
    }

    @Test
    void nullMissingAndEmptyArraysMeanTheSame() {
        KongEntity desired = entity(EntityType.ROUTE, "id", "r1", "name", "web", "paths", List.of("/"),
                "hosts", List.of(), "headers", Map.of());
        Map<String, Object> kong = new HashMap<>(kongRoute("r1", "web", "s1", List.of("/")).fields());
        kong.remove("service");
        kong.put("methods", List.of());

        assertThat(diff(state(desired), state(KongEntity.of(EntityType.ROUTE, kong))).isEmpty()).isTrue();
    }

    @Test
    void setsAreUnorderedButPathsKeepTheirOrder() {
        KongEntity desired = entity(EntityType.ROUTE, "id", "r1", "name", "web", "protocols", List.of("http", "https"),
                "methods", List.of("POST", "GET"), "paths", List.of("/a", "/b"), "tags", List.of(TAG, "x"));
        KongEntity reordered = live(desired.with("protocols", List.of("https", "http"))
                .with("methods", List.of("GET", "POST")).with("tags", List.of("x", TAG)), "r1");
        KongEntity pathsSwapped = live(desired.with("paths", List.of("/b", "/a")), "r1");

        assertThat(diff(state(desired), state(reordered)).isEmpty()).isTrue();
        assertThat(diff(state(desired), state(pathsSwapped)).changes()).singleElement().satisfies(c ->
                assertThat(c.fieldChanges()).extracting(FieldChange::path).containsExactly("paths"));
    }

    @Test
    void aTargetWithoutPortEqualsTheSameTargetOnPort8000() {
        KongState desired = state(upstream("u"), target("u", "10.0.0.1"), target("u", "::1"));
        KongEntity liveUpstream = live(upstream("u"), "u-id");
        KongState live = state(liveUpstream,
                live(target("u", "10.0.0.1:8000").with("upstream", Map.of("id", "u-id")), "t1"),
                live(target("u", "[0:0:0:0:0:0:0:1]:8000").with("upstream", Map.of("id", "u-id")), "t2"));

        assertThat(diff(desired, live).isEmpty()).isTrue();
    }

    @Test
    void hashOnOtherThanNoneImpliesConsistentHashing() {
        KongEntity desired = upstream("u").with("hash_on", "header").with("hash_on_header", "x-user");
        KongEntity kong = live(desired.with("algorithm", "consistent-hashing"), "u1");
        KongEntity leastConn = upstream("v").with("algorithm", "least-connections");

        assertThat(diff(state(desired, leastConn), state(kong, live(leastConn.with("hash_on", "none"), "v1")))
                .isEmpty()).isTrue();
    }

    @Test
    void grpcRoutesDefaultStripPathToFalse() {
        KongEntity desired = entity(EntityType.ROUTE, "id", "r1", "name", "g", "protocols", List.of("grpc"),
                "paths", List.of("/svc"));
        KongEntity kong = live(desired.with("strip_path", false), "r1");

        assertThat(diff(state(desired), state(kong)).isEmpty()).isTrue();
    }

    @Test
    void autoFieldsNeverShowAsChanges() {
        KongEntity desired = entity(EntityType.CA_CERTIFICATE, "id", "ca1", "cert", CERT);
        KongEntity kong = live(desired, "ca1").with("cert_digest", "abc123").with("updated_at", 1800000000L);

        assertThat(diff(state(desired), state(kong)).isEmpty()).isTrue();
    }

    @Test
    void aDesiredFieldTheLiveSchemaDoesNotKnowIsDroppedWithAWarning() {
        Map<String, Object> schema = Map.of("fields", List.of(
                Map.of("id", Map.of("type", "string", "auto", true)),
                Map.of("name", Map.of("type", "string")),
                Map.of("host", Map.of("type", "string")),
                Map.of("tags", Map.of("type", "set"))));
        Schemas schemas = Schemas.of(Map.of(EntityType.SERVICE, schema), Map.of(),
                RouterFlavor.TRADITIONAL_COMPATIBLE);
        KongEntity desired = entity(EntityType.SERVICE, "id", "s1", "name", "a", "host", "h", "future_field", 1);

        Plan noLive = Differ.diff(state(desired), KongState.EMPTY, schemas, OPTIONS);
        Plan withLive = Differ.diff(state(desired), state(live(desired.without("future_field"), "s1")), schemas,
                OPTIONS);

        assertThat(withLive.isEmpty()).isTrue();
        assertThat(withLive.warnings()).singleElement().satisfies(w ->
                assertThat(w.message()).contains("future_field").contains("dropped"));
        assertThat(noLive.changes().get(0).desired().fields()).doesNotContainKey("future_field");
    }

    @Test
    void pluginConfigWithoutASchemaToleratesServerDefaultsButSeesDesiredChanges() {
        KongEntity desired = routePlugin("p1", "rate-limiting", "r1", Map.of("minute", 5));
        Map<String, Object> kongConfig = new HashMap<>();
        kongConfig.put("minute", 5);
        kongConfig.put("policy", "local");
        kongConfig.put("hour", null);
        KongEntity kong = live(desired.with("config", kongConfig).with("enabled", true)
                .with("protocols", List.of("grpc", "grpcs", "http", "https")), "p1");

        assertThat(diff(state(desired), state(kong)).isEmpty()).isTrue();
        assertThat(diff(state(desired.with("config", Map.of("minute", 10))), state(kong)).changes())
                .singleElement().satisfies(c -> assertThat(c.fieldChanges())
                        .containsExactly(new FieldChange("config.minute", 5L, 10L, false)));
    }

    @Test
    void pluginConfigDefaultsComeFromThePluginSchema() {
        Map<String, Object> pluginSchema = Map.of("fields", List.of(
                Map.of("protocols", Map.of("type", "set", "default", List.of("http", "https"))),
                Map.of("config", Map.of("type", "record", "required", true, "fields", List.of(
                        Map.of("minute", Map.of("type", "number")),
                        Map.of("policy", Map.of("type", "string", "default", "local")),
                        Map.of("redis", Map.of("type", "record", "required", true, "fields", List.of(
                                Map.of("port", Map.of("type", "integer", "default", 6379))))))))));
        Schemas schemas = Schemas.of(Map.of(), Map.of("rate-limiting", pluginSchema),
                RouterFlavor.TRADITIONAL_COMPATIBLE);
        KongEntity desired = routePlugin("p1", "rate-limiting", "r1", Map.of("minute", 5));
        KongEntity kong = live(desired.with("config", Map.of("minute", 5, "policy", "local",
                "redis", Map.of("port", 6379))).with("protocols", List.of("https", "http")), "p1");
        KongEntity drifted = live(desired.with("config", Map.of("minute", 5, "policy", "cluster",
                "redis", Map.of("port", 6379))).with("protocols", List.of("https", "http")), "p1");

        assertThat(Differ.diff(state(desired), state(kong), schemas, OPTIONS).isEmpty()).isTrue();
        assertThat(Differ.diff(state(desired), state(drifted), schemas, OPTIONS).changes().get(0).fieldChanges())
                .containsExactly(new FieldChange("config.policy", "cluster", "local", false));
    }

    @Test
    void aCertificatesSniListIsNotComparedWhereSnisAreEntities() {
        KongState desired = state(certificate("cert-1"), sni("a.example.com", "cert-1"));
        KongState live = state(live(certificate("cert-1"), "cert-1").with("snis", List.of("a.example.com")),
                live(sni("a.example.com", "cert-1"), "sni-1"));

        assertThat(diff(desired, live).isEmpty()).isTrue();
    }

    @Test
    void aCertificateListingItsHostsGetsSniEntities() {
        KongEntity cert = certificate("cert-1").with("snis", List.of("b.example.com", "a.example.com"));

        Plan plan = diff(state(cert), KongState.EMPTY);

        assertThat(plan.changes()).extracting(Change::label)
                .containsExactly("certificates cert-1", "snis a.example.com", "snis b.example.com");
        assertThat(plan.changes().get(0).desired().fields()).doesNotContainKey("snis");
    }
}
