package io.konggitops.translate.gateway.http;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.translate.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.translate.gateway.http.HttpRouteFixture.SERVICES;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.all;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.errors;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.named;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.pluginsOf;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.route;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPRoute → Kong services and traditional routes (kic-translation §4.3-4.4), one rule per test. */
class HttpRouteTraditionalTest {
    private static final String WEB = "backendRefs: [{name: web, kind: Service, port: 80}]";
    /** A rule matching every path (what the CRD default gives a rule without matches) to web. */
    private static final String ANY = "- matches: [{path: {type: PathPrefix, value: /}}]\n  " + WEB;

    @TempDir
    Path dir;

    private Translation translate(String... docs) {
        return new HttpRouteFixture(dir).traditional(docs);
    }

    private static String rule(String matches) {
        return "- matches: " + matches + "\n  " + WEB;
    }

    @Test
    void anExactPathBecomesAnAnchoredRegexPath() {
        Translation t = translate(SERVICES, route("r", "", rule("[{path: {type: Exact, value: /one}}]")));
        KongEntity route = named(t, EntityType.ROUTE, "httproute.shop.r.0.0");
        assertThat(route.get("paths")).isEqualTo(List.of("~/one$"));
        assertThat(route.get("strip_path")).isEqualTo(false);
        assertThat(route.get("preserve_host")).isEqualTo(true);
        assertThat(route.fields()).doesNotContainKeys("regex_priority", "path_handling", "request_buffering");
    }

    @Test
    void aPathPrefixMatchesThePathAndEverythingBelowIt() {
        Translation t = translate(SERVICES, route("r", "", rule("[{path: {type: PathPrefix, value: /v2}}]")));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.0.0").get("paths"))
                .isEqualTo(List.of("~/v2$", "/v2/"));
    }

    @Test
    void aPathPrefixWithATrailingSlashKeepsIt() {
        Translation t = translate(SERVICES, route("r", "", rule("[{path: {type: PathPrefix, value: /v2/}}]")));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.0.0").get("paths"))
                .isEqualTo(List.of("~/v2/$", "/v2/"));
    }

    @Test
    void aRegularExpressionPathIsARegexPath() {
        Translation t = translate(SERVICES, route("r", "",
                rule("[{path: {type: RegularExpression, value: '/u/[0-9]+'}}]")));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.0.0").get("paths"))
                .isEqualTo(List.of("~/u/[0-9]+"));
    }

    @Test
    void headerMatchesAreExactValuesOrCaseInsensitiveRegexes() {
        Translation t = translate(SERVICES, route("r", "", rule("[{path: {type: PathPrefix, value: /}, headers: "
                + "[{name: Version, value: two}, {name: X-Id, type: RegularExpression, value: '^a.*'}]}]")));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.0.0").get("headers"))
                .isEqualTo(Map.of("Version", List.of("two"), "X-Id", List.of("~*^a.*")));
    }

    @Test
    void theSameHeaderMatchedTwiceLeavesTheServiceOutWithAnError() {
        Translation t = translate(SERVICES, route("r", "", rule("[{headers: [{name: a, value: '1'}, "
                + "{name: a, value: '2'}]}]")));
        assertThat(all(t, EntityType.SERVICE)).isEmpty();
        assertThat(errors(t)).singleElement().asString()
                .contains("multiple header matches for the same header are not allowed: a");
    }

    @Test
    void methodsOfMatchesWithTheSameHeadersShareOneRoute() {
        Translation t = translate(SERVICES, route("r", "", rule("[{path: {type: Exact, value: /a}, method: GET}, "
                + "{path: {type: Exact, value: /b}, method: GET}, {path: {type: Exact, value: /c}, method: POST}]")));
        KongEntity get = named(t, EntityType.ROUTE, "httproute.shop.r.0.0");
        assertThat(get.get("paths")).isEqualTo(List.of("~/a$", "~/b$"));
        assertThat(get.get("methods")).isEqualTo(List.of("GET"));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.0.2").get("methods")).isEqualTo(List.of("POST"));
    }

    @Test
    void queryParamMatchesFailTheWholeHttpRouteOnTheTraditionalRouter() {
        Translation t = translate(SERVICES, route("r", "", rule("[{queryParams: [{name: a, value: b}]}]")
                + "\n" + rule("[{path: {type: Exact, value: /ok}}]")));
        assertThat(all(t, EntityType.ROUTE)).isEmpty();
        assertThat(errors(t)).singleElement().asString().contains("query param matches")
                .contains("queryParams");
    }

    @Test
    void aRuleWithoutMatchesRoutesItsHostnames() {
        Translation t = translate(SERVICES, route("r", "hostnames: [a.example.com]", "- " + WEB));
        KongEntity route = named(t, EntityType.ROUTE, "httproute.shop.r.0.0");
        assertThat(route.get("hosts")).isEqualTo(List.of("a.example.com"));
        assertThat(route.fields()).doesNotContainKeys("paths", "strip_path");
    }

    @Test
    void rulesWithTheSameBackendsShareOneKongServiceNamedAfterTheFirst() {
        Translation t = translate(SERVICES, route("r", "", """
                - matches: [{path: {type: PathPrefix, value: /api}}]
                  backendRefs: [{name: api, kind: Service, port: 80}]
                - matches: [{path: {type: PathPrefix, value: /a}}]
                  backendRefs: [{name: web, kind: Service, port: 80}]
                - matches: [{path: {type: PathPrefix, value: /b}}]
                  backendRefs: [{name: web, kind: Service, port: 80}]
                """));
        assertThat(all(t, EntityType.SERVICE)).extracting(KongEntity::name)
                .containsExactlyInAnyOrder("httproute.shop.r.0", "httproute.shop.r.1");
        KongEntity merged = named(t, EntityType.ROUTE, "httproute.shop.r.1.0");
        assertThat(merged.get("paths")).isEqualTo(List.of("~/a$", "/a/", "~/b$", "/b/"));
        assertThat(named(t, EntityType.SERVICE, "httproute.shop.r.1").get("host")).isEqualTo("httproute.shop.r.1");
    }

    @Test
    void rulesWithDifferentFiltersGetTheirOwnRoutes() {
        Translation t = translate(SERVICES, route("r", "", """
                - matches: [{path: {type: PathPrefix, value: /a}}]
                  backendRefs: [{name: web, kind: Service, port: 80}]
                - matches: [{path: {type: PathPrefix, value: /b}}]
                  filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x-debug]}}]
                  backendRefs: [{name: web, kind: Service, port: 80}]
                """));
        assertThat(all(t, EntityType.ROUTE)).extracting(KongEntity::name)
                .containsExactlyInAnyOrder("httproute.shop.r.0.0", "httproute.shop.r.1.0");
        assertThat(pluginsOf(t, named(t, EntityType.ROUTE, "httproute.shop.r.0.0"))).isEmpty();
    }

    @Test
    void weightsSplitAcrossTheTargetsOfEachBackend() {
        Translation t = translate(SERVICES, route("r", "", """
                - matches: [{path: {type: PathPrefix, value: /}}]
                  backendRefs:
                  - {name: web, kind: Service, port: 80, weight: 70}
                  - {name: api, kind: Service, port: 80, weight: 30}
                """));
        Map<Object, Object> weights = new java.util.TreeMap<>();
        for (KongEntity target : all(t, EntityType.TARGET)) weights.put(target.get("target"), target.get("weight"));
        assertThat(weights).isEqualTo(Map.of("10.0.0.1:8080", 35L, "10.0.0.2:8080", 35L, "10.0.1.1:8080", 30L));
        assertThat(all(t, EntityType.UPSTREAM)).extracting(KongEntity::name).containsExactly("httproute.shop.r.0");
    }

    @Test
    void oneBackendGivesTheServiceItsTagsAndSeveralGiveTheHttpRoutes() {
        Translation t = translate(SERVICES, route("one", "", ANY), route("two", "", """
                - matches: [{path: {type: PathPrefix, value: /}}]
                  backendRefs:
                  - {name: web, kind: Service, port: 80}
                  - {name: api, kind: Service, port: 80}
                """));
        assertThat(tags(named(t, EntityType.SERVICE, "httproute.shop.one.0")))
                .contains("k8s-name:web", "k8s-kind:Service");
        assertThat(tags(named(t, EntityType.SERVICE, "httproute.shop.two.0")))
                .contains("k8s-name:two", "k8s-kind:HTTPRoute", "k8s-group:gateway.networking.k8s.io");
    }

    @Test
    void whenEveryBackendIsMissingTheServiceAnswers500() {
        Translation t = translate(SERVICES, route("r", "", "- matches: [{path: {type: Exact, value: /}}]\n  backendRefs: [{name: gone, kind: Service, port: 80}]"));
        KongEntity service = named(t, EntityType.SERVICE, "httproute.shop.r.0");
        assertThat(pluginsOf(t, service)).singleElement().satisfies(p -> {
            assertThat(p.get("name")).isEqualTo("request-termination");
            assertThat(p.get("config")).isEqualTo(Map.of("status_code", 500L,
                    "message", "no existing backendRef provided"));
        });
        assertThat(all(t, EntityType.TARGET)).isEmpty();
    }

    @Test
    void aCrossNamespaceBackendNeedsAReferenceGrant() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r, namespace: front}
                spec:
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /}}]
                    backendRefs: [{name: web, namespace: shop, kind: Service, port: 80}]
                """;
        String grant = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: front-to-web, namespace: shop}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}]
                  to: [{group: "", kind: Service, name: web}]
                """;
        Translation denied = translate(SERVICES, route);
        assertThat(pluginsOf(denied, named(denied, EntityType.SERVICE, "httproute.front.r.0")))
                .extracting(p -> p.get("name")).containsExactly("request-termination");
        Translation allowed = new HttpRouteFixture(dir).traditional(SERVICES, route, grant);
        assertThat(pluginsOf(allowed, named(allowed, EntityType.SERVICE, "httproute.front.r.0"))).isEmpty();
        assertThat(all(allowed, EntityType.TARGET)).hasSize(2);
    }

    @Test
    void listenerProtocolsBecomeRouteProtocols() {
        String gateway = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: shop}
                spec:
                  gatewayClassName: kong
                  listeners:
                  - {name: web, protocol: HTTP, port: 80}
                  - {name: tls, protocol: HTTPS, port: 443}
                """;
        Translation both = translate(SERVICES, gateway, route("r", "parentRefs: [{name: edge}]", ANY));
        assertThat(named(both, EntityType.ROUTE, "httproute.shop.r.0.0").get("protocols"))
                .isEqualTo(List.of("http", "https"));
        Translation one = new HttpRouteFixture(dir).traditional(SERVICES, gateway,
                route("r", "parentRefs: [{name: edge, sectionName: tls}]", ANY));
        assertThat(named(one, EntityType.ROUTE, "httproute.shop.r.0.0").get("protocols"))
                .isEqualTo(List.of("https"));
    }

    @Test
    void backendRequestTimeoutSetsTheServiceTimeouts() {
        Translation t = translate(SERVICES, route("r", "", ANY + "\n  timeouts: {backendRequest: 2m30s}"));
        KongEntity service = named(t, EntityType.SERVICE, "httproute.shop.r.0");
        assertThat(List.of(service.get("connect_timeout"), service.get("read_timeout"), service.get("write_timeout")))
                .containsOnly(150000L);
    }

    @Test
    void httpRouteAnnotationsApplyToItsRoutes() {
        String annotated = route("r", "", ANY).replace("metadata: {name: r, namespace: shop}",
                "metadata: {name: r, namespace: shop, annotations: {konghq.com/strip-path: 'true', "
                        + "konghq.com/tags: 'team-a'}}");
        Translation t = translate(SERVICES, annotated);
        KongEntity route = named(t, EntityType.ROUTE, "httproute.shop.r.0.0");
        assertThat(route.get("strip_path")).isEqualTo(true);
        assertThat(tags(route)).contains("team-a", "k8s-kind:HTTPRoute");
    }

    @Test
    void namedRulesTagTheirRoutes() {
        Translation t = translate(SERVICES, route("r", "", "- name: checkout\n  matches: [{path: {type: PathPrefix, value: /}}]\n  " + WEB));
        assertThat(tags(named(t, EntityType.ROUTE, "httproute.shop.r.0.0")))
                .contains("k8s-named-route-rule:checkout");
    }

    @Test
    void backendServicesWithDifferentKongAnnotationsLeaveTheServiceOut() {
        String services = SERVICES.replace("metadata: {name: api, namespace: shop}",
                "metadata: {name: api, namespace: shop, annotations: {konghq.com/read-timeout: '5000'}}");
        Translation t = translate(services, route("r", "", """
                - matches: [{path: {type: PathPrefix, value: /}}]
                  backendRefs:
                  - {name: web, kind: Service, port: 80}
                  - {name: api, kind: Service, port: 80}
                """));
        assertThat(all(t, EntityType.SERVICE)).isEmpty();
        assertThat(errors(t)).isNotEmpty().allSatisfy(m -> assertThat(m).contains("inconsistent "
                + "konghq.com/read-timeout"));
    }
}
