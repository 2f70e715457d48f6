package io.konggitops.translate.gateway.stream;

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

/** TCPRoute, UDPRoute and TLSRoute → Kong stream services and routes in both router flavors (§4.7). */
class StreamRouteTranslatorsTest {
    private static final String LISTENERS = """
            - {name: tcp-a, protocol: TCP, port: 5432}
            - {name: tcp-b, protocol: TCP, port: 5433}
            - {name: dns, protocol: UDP, port: 53}
            - name: tls-pass
              protocol: TLS
              port: 8443
              tls: {mode: Passthrough}
            - name: tls-term
              protocol: TLS
              port: 9443
              tls: {mode: Terminate}""";

    @TempDir
    Path dir;

    private static String route(String kind, String name, String section, String extraSpec, String rules) {
        return """
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: %s
                metadata:
                  name: %s
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                %s%s
                  rules:
                %s
                ---
                """.formatted(kind, name, section.isEmpty() ? "" : "    sectionName: " + section + "\n",
                extraSpec.isEmpty() ? "" : extraSpec.indent(2).stripTrailing(), rules.indent(2).stripTrailing());
    }

    private static final String DB_RULE = """
            - name: primary
              backendRefs: [{kind: Service, name: db, port: 5432}]""";

    private Translation tcp(String section, boolean expressions) {
        return translate(dir, gateway(LISTENERS) + route("TCPRoute", "db", section, "", DB_RULE)
                + service("shop", "db", 5432, "10.0.0.5"), expressions);
    }

    @Test
    void aTcpRouteMatchesThePortsOfItsTcpListeners() {
        Translation t = tcp("", false);
        KongEntity s = named(t, EntityType.SERVICE, "tcproute.shop.db.0");
        assertThat(s.get("protocol")).isEqualTo("tcp");
        assertThat(s.get("port")).isEqualTo(5432L);
        KongEntity r = named(t, EntityType.ROUTE, "tcproute.shop.db.0.0");
        assertThat(r.get("protocols")).isEqualTo(List.of("tcp"));
        assertThat(r.get("destinations")).isEqualTo(List.of(Map.of("port", 5432L), Map.of("port", 5433L)));
        assertThat(r.get("tags")).asList().contains("k8s-kind:TCPRoute", "k8s-version:v1alpha2",
                "k8s-named-route-rule:primary");
        assertThat(r.fields()).doesNotContainKeys("strip_path", "preserve_host", "paths", "hosts");
        assertThat(of(t, EntityType.TARGET)).extracting(e -> e.get("target")).containsExactly("10.0.0.5:5432");
        assertThat(t.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
    }

    @Test
    void aSectionNameNarrowsThePortsAndTheExpressionMatchesThemAtPriorityOne() {
        assertThat(named(tcp("tcp-b", false), EntityType.ROUTE, "tcproute.shop.db.0.0").get("destinations"))
                .isEqualTo(List.of(Map.of("port", 5433L)));
        KongEntity r = named(tcp("", true), EntityType.ROUTE, "tcproute.shop.db.0.0");
        assertThat(r.get("expression")).isEqualTo("(net.dst.port == 5432) || (net.dst.port == 5433)");
        assertThat(r.get("priority")).isEqualTo(1L);
        assertThat(r.fields()).doesNotContainKeys("destinations", "path_handling");
    }

    @Test
    void aUdpRouteTakesOnlyUdpListenerPorts() {
        Translation t = translate(dir, gateway(LISTENERS) + route("UDPRoute", "dns", "", "", """
                - backendRefs: [{kind: Service, name: dns, port: 53}]""") + service("shop", "dns", 53, "10.0.0.53"),
                false);
        assertThat(named(t, EntityType.SERVICE, "udproute.shop.dns.0").get("protocol")).isEqualTo("udp");
        KongEntity r = named(t, EntityType.ROUTE, "udproute.shop.dns.0.0");
        assertThat(r.get("protocols")).isEqualTo(List.of("udp"));
        assertThat(r.get("destinations")).isEqualTo(List.of(Map.of("port", 53L)));
    }

    private Translation tls(String section, boolean expressions) {
        return translate(dir, gateway(LISTENERS) + route("TLSRoute", "vault", section,
                "hostnames: [vault.example.test]", "- backendRefs: [{kind: Service, name: vault, port: 8200}]")
                + service("shop", "vault", 8200, "10.0.0.82"), expressions);
    }

    @Test
    void aTlsRouteMatchesItsHostnamesAsSnisAndPassesTlsThroughOnAPassthroughListener() {
        KongEntity passthrough = named(tls("tls-pass", false), EntityType.ROUTE, "tlsroute.shop.vault.0.0");
        assertThat(passthrough.get("protocols")).isEqualTo(List.of("tls_passthrough"));
        assertThat(passthrough.get("snis")).isEqualTo(List.of("vault.example.test"));
        assertThat(passthrough.fields()).doesNotContainKey("destinations");

        Translation terminate = tls("tls-term", false);
        assertThat(named(terminate, EntityType.ROUTE, "tlsroute.shop.vault.0.0").get("protocols"))
                .isEqualTo(List.of("tls"));
        assertThat(named(terminate, EntityType.SERVICE, "tlsroute.shop.vault.0").get("protocol")).isEqualTo("tcp");
    }

    @Test
    void aTlsExpressionRouteMatchesTheSni() {
        KongEntity r = named(tls("tls-pass", true), EntityType.ROUTE, "tlsroute.shop.vault.0.0");
        assertThat(r.get("expression")).isEqualTo("tls.sni == \"vault.example.test\"");
        assertThat(r.get("priority")).isEqualTo(1L);
        assertThat(r.get("protocols")).isEqualTo(List.of("tls_passthrough"));
        assertThat(r.fields()).doesNotContainKey("snis");
    }

    @Test
    void aTlsRouteWithoutHostnamesIsLeftOutWithAnError() {
        Translation t = translate(dir, gateway(LISTENERS) + route("TLSRoute", "vault", "", "",
                "- backendRefs: [{kind: Service, name: vault, port: 8200}]")
                + service("shop", "vault", 8200, "10.0.0.82"), false);
        assertThat(of(t, EntityType.SERVICE)).isEmpty();
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("TLSRoute can't be routed: no hostnames provided");
        });
    }

    @Test
    void aTcpRuleWithoutBackendRefsStopsTheRouteButEarlierRulesStay() {
        Translation t = translate(dir, gateway(LISTENERS) + route("TCPRoute", "db", "", "", DB_RULE + """

                - name: replica
                - backendRefs: [{kind: Service, name: db, port: 5432}]""")
                + service("shop", "db", 5432, "10.0.0.5"), false);
        assertThat(of(t, EntityType.SERVICE)).extracting(e -> e.get("name")).containsExactly("tcproute.shop.db.0");
        assertThat(t.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("TCPRoute rules must include at least one backendRef (spec.rules[1])"));
    }
}
