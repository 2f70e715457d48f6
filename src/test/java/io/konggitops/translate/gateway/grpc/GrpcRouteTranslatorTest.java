package io.konggitops.translate.gateway.grpc;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Severity;
import io.konggitops.translate.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.translate.gateway.GatewayManifests.gateway;
import static io.konggitops.translate.gateway.GatewayManifests.named;
import static io.konggitops.translate.gateway.GatewayManifests.of;
import static io.konggitops.translate.gateway.GatewayManifests.service;
import static io.konggitops.translate.gateway.GatewayManifests.translate;
import static org.assertj.core.api.Assertions.assertThat;

/** GRPCRoute → Kong services and routes in both router flavors (kic-translation §4.7). */
class GrpcRouteTranslatorTest {
    private static final String HTTP_LISTENER = """
            - name: grpc
              protocol: HTTP
              port: 80
              hostname: grpc.example.test""";
    private static final String HTTPS_LISTENER = """
            - name: grpcs
              protocol: HTTPS
              port: 443
              tls:
                certificateRefs: []""";
    private static final long GRPC = 1L << 44;

    @TempDir
    Path dir;

    private static String route(String name, String hostnames, String rules) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GRPCRoute
                metadata:
                  name: %s
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                %s
                  rules:
                %s
                ---
                """.formatted(name, hostnames.isEmpty() ? "" : "  hostnames: " + hostnames,
                rules.indent(2).stripTrailing());
    }

    private static final String SAY_RULE = """
            - name: unary
              backendRefs:
              - kind: Service
                name: echo
                port: 9000
              matches:
              - method: {service: pkg.Echo, method: Say}
                headers:
                - name: X-Tenant
                  value: a""";

    private Translation echo(String listeners, String hostnames, String rules, boolean expressions) {
        return translate(dir, gateway(listeners) + route("echo", hostnames, rules)
                + service("shop", "echo", 9000, "10.0.0.1"), expressions);
    }

    @Test
    void aTraditionalRuleIsAServiceWithARegexPathRouteItsHeadersAndTheListenerHostname() {
        Translation t = echo(HTTP_LISTENER, "", SAY_RULE, false);
        KongEntity s = named(t, EntityType.SERVICE, "grpcroute.shop.echo.0");
        assertThat(s.get("protocol")).isEqualTo("grpc");
        assertThat(s.get("port")).isEqualTo(9000L);
        assertThat(s.get("host")).isEqualTo("grpcroute.shop.echo.0");
        assertThat(s.get("tags")).asList().contains("k8s-name:echo", "k8s-kind:Service");
        KongEntity r = named(t, EntityType.ROUTE, "grpcroute.shop.echo.0.0");
        assertThat(r.get("paths")).isEqualTo(List.of("~/pkg.Echo/Say"));
        assertThat(r.get("hosts")).isEqualTo(List.of("grpc.example.test"));
        assertThat(r.get("headers")).isEqualTo(Map.of("X-Tenant", List.of("a")));
        assertThat(r.get("protocols")).isEqualTo(List.of("grpc", "grpcs"));
        assertThat(r.get("tags")).asList().contains("k8s-kind:GRPCRoute", "k8s-named-route-rule:unary");
        assertThat(r.fields()).doesNotContainKeys("strip_path", "preserve_host", "regex_priority");
        assertThat(of(t, EntityType.TARGET)).singleElement().satisfies(x -> assertThat(x.get("target"))
                .isEqualTo("10.0.0.1:9000"));
        assertThat(t.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
    }

    @Test
    void aMissingServiceOrMethodFollowsGep1016InTraditionalPaths() {
        Translation t = echo(HTTP_LISTENER, "", """
                - backendRefs: [{kind: Service, name: echo, port: 9000}]
                  matches:
                  - method: {service: pkg.Echo}
                  - method: {method: Get}
                  - method: {type: RegularExpression, service: 'pkg\\.E.*'}""", false);
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.echo.0.0").get("paths"))
                .isEqualTo(List.of("~/pkg.Echo/"));
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.echo.0.1").get("paths")).isEqualTo(List.of("~/.+/Get"));
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.echo.0.2").get("paths"))
                .isEqualTo(List.of("~/pkg\\.E.*/.+"));
    }

    @Test
    void aRuleWithoutMatchesMatchesItsHostnamesOrElseEveryPath() {
        Translation withHost = echo(HTTP_LISTENER, "", "- backendRefs: [{kind: Service, name: echo, port: 9000}]",
                false);
        KongEntity r = named(withHost, EntityType.ROUTE, "grpcroute.shop.echo.0.0");
        assertThat(r.get("hosts")).isEqualTo(List.of("grpc.example.test"));
        assertThat(r.fields()).doesNotContainKey("paths");

        Translation anyHost = echo("- {name: grpc, protocol: HTTP, port: 80}", "",
                "- backendRefs: [{kind: Service, name: echo, port: 9000}]", false);
        assertThat(named(anyHost, EntityType.ROUTE, "grpcroute.shop.echo.0.0").get("paths")).isEqualTo(List.of("/"));
    }

    @Test
    void expressionRoutesMatchMethodHeadersAndHostWithKicsPriority() {
        Translation t = echo(HTTP_LISTENER, "[grpc.example.test]", SAY_RULE, true);
        KongEntity s = named(t, EntityType.SERVICE, "grpcroute.shop.echo.grpc.example.test.0");
        assertThat(s.get("protocol")).isEqualTo("grpc");
        KongEntity r = named(t, EntityType.ROUTE, "grpcroute.shop.echo.grpc.example.test.0.0");
        assertThat(r.get("expression")).isEqualTo("(http.path == \"/pkg.Echo/Say\") && "
                + "(http.headers.x_tenant == \"a\") && (http.host == \"grpc.example.test\")");
        long expected = GRPC + (1L << 43) + (17L << 35) + (8L << 24) + (3L << 13) + (1L << 8) + 255;
        assertThat(r.get("priority")).isEqualTo(expected);
        assertThat(r.get("protocols")).isEqualTo(List.of("grpc"));
        assertThat(r.get("preserve_host")).isEqualTo(true);
        assertThat(r.fields()).doesNotContainKeys("paths", "hosts", "headers", "path_handling");
    }

    @Test
    void eachHostnameIsItsOwnServiceAndRouteUnderExpressions() {
        Translation t = echo(HTTP_LISTENER, "[a.example.test, '*.b.example.test']", SAY_RULE, true);
        assertThat(of(t, EntityType.SERVICE)).extracting(e -> e.get("name")).containsExactlyInAnyOrder(
                "grpcroute.shop.echo.a.example.test.0", "grpcroute.shop.echo._.b.example.test.0");
        KongEntity wildcard = named(t, EntityType.ROUTE, "grpcroute.shop.echo._.b.example.test.0.0");
        assertThat((String) wildcard.get("expression")).endsWith("(http.host =^ \".b.example.test\")");
        long base = GRPC + (16L << 35) + (8L << 24) + (3L << 13) + (1L << 8) + 255;
        assertThat(wildcard.get("priority")).as("a wildcard hostname has no precise-hostname bit").isEqualTo(base);
    }

    @Test
    void equalPrioritiesAreOrderedByNamespaceNameRuleAndMatchAcrossGrpcRoutes() {
        String rule = """
                - backendRefs: [{kind: Service, name: echo, port: 9000}]
                  matches:
                  - method: {service: pkg.Echo, method: Say}
                  - method: {service: pkg.Echo, method: Say}""";
        Translation t = translate(dir, gateway(HTTP_LISTENER) + route("b", "", rule) + route("a", "", rule)
                + service("shop", "echo", 9000, "10.0.0.1"), true);
        long base = GRPC + (8L << 24) + (3L << 13);
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.a._.0.0").get("priority")).isEqualTo(base + 255);
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.a._.0.1").get("priority")).isEqualTo(base + 254);
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.b._.0.0").get("priority")).isEqualTo(base + 253);
        assertThat(named(t, EntityType.ROUTE, "grpcroute.shop.b._.0.1").get("priority")).isEqualTo(base + 252);
    }

    @Test
    void aRuleWithNothingToMatchIsKicsCatchAllExpressionAndHttpsListenersGiveGrpcs() {
        Translation t = echo(HTTPS_LISTENER, "", "- backendRefs: [{kind: Service, name: echo, port: 9000}]", true);
        KongEntity r = named(t, EntityType.ROUTE, "grpcroute.shop.echo._.0.0");
        assertThat(r.get("expression")).isEqualTo("(net.protocol == \"http\") || (net.protocol == \"https\")");
        assertThat(r.get("protocols")).isEqualTo(List.of("grpcs"));
        assertThat(named(t, EntityType.SERVICE, "grpcroute.shop.echo._.0").get("protocol")).isEqualTo("grpcs");
    }

    @Test
    void weightedBackendsShareTheUpstreamAndTheServiceTakesTheRoutesTags() {
        Translation t = translate(dir, gateway(HTTP_LISTENER) + route("echo", "", """
                - backendRefs:
                  - {kind: Service, name: v1, port: 9000, weight: 80}
                  - {kind: Service, name: v2, port: 9000, weight: 20}""") + service("shop", "v1", 9000, "10.0.0.1")
                + service("shop", "v2", 9000, "10.0.0.2"), true);
        assertThat(of(t, EntityType.TARGET)).extracting(e -> e.get("target") + "=" + e.get("weight"))
                .containsExactlyInAnyOrder("10.0.0.1:9000=80", "10.0.0.2:9000=20");
        assertThat(named(t, EntityType.SERVICE, "grpcroute.shop.echo._.0").get("tags")).asList()
                .contains("k8s-kind:GRPCRoute", "k8s-name:echo");
    }

    @Test
    void aRuleWhoseBackendsAllFailAnswers500AndTheMissingServiceIsReported() {
        Translation t = translate(dir, gateway(HTTP_LISTENER) + route("echo", "", """
                - backendRefs: [{kind: Service, name: gone, port: 9000}]"""), false);
        KongEntity plugin = of(t, EntityType.PLUGIN).get(0);
        assertThat(plugin.get("name")).isEqualTo("request-termination");
        assertThat(plugin.get("config")).isEqualTo(Map.of("status_code", 500L,
                "message", "no existing backendRef provided"));
        assertThat(named(t, EntityType.SERVICE, "grpcroute.shop.echo.0").get("tags")).asList()
                .contains("k8s-name:UNKNOWN");
        assertThat(t.problems()).anySatisfy(p -> assertThat(p.message()).contains("Service shop/gone not found"));
    }

    @Test
    void aServiceInAnotherNamespaceNeedsAReferenceGrantFromTheGrpcRoute() {
        String routeToOther = route("echo", "", """
                - backendRefs: [{kind: Service, name: echo, namespace: other, port: 9000}]""");
        Translation denied = translate(dir, gateway(HTTP_LISTENER) + routeToOther
                + service("other", "echo", 9000, "10.0.0.9"), false);
        assertThat(of(denied, EntityType.TARGET)).isEmpty();
        assertThat(of(denied, EntityType.PLUGIN)).extracting(e -> e.get("name")).containsExactly("request-termination");

        Translation granted = translate(dir, gateway(HTTP_LISTENER) + routeToOther
                + service("other", "echo", 9000, "10.0.0.9") + """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata:
                  name: from-shop
                  namespace: other
                spec:
                  from:
                  - {group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop}
                  to:
                  - {group: "", kind: Service}
                """, false);
        assertThat(of(granted, EntityType.TARGET)).extracting(e -> e.get("target")).containsExactly("10.0.0.9:9000");
        assertThat(of(granted, EntityType.PLUGIN)).isEmpty();
    }
}
