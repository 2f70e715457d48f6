package io.konggitops.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 acceptance: a repository of HTTPRoutes (our GatewayClass, a Gateway, HTTPRoutes with weights and a filter,
 * Services with EndpointSlices, {@code --endpoints manifests}) reconciled into the Kong double in both router flavors;
 * a second run writes nothing; changing one backend weight is exactly the one target write that weight needs. The
 * Gateway API samples ({@code samples/gateway}) reconcile and converge too.
 */
class HttpRouteE2eTest {
    @TempDir
    Path tmp;
    private E2eFixture f;

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private static final String GATEWAY = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: kong}
            spec:
              controllerName: konghq.com/kic-gateway-controller
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: shop}
            spec:
              gatewayClassName: kong
              listeners:
              - name: http
                protocol: HTTP
                port: 80
                hostname: "*.example.com"
            """;

    private static final String BACKENDS = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports: [{name: http, port: 80, targetPort: 8080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              ports: [{name: http, port: 80, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.0.1"]
              conditions: {ready: true}
            - addresses: ["10.0.0.2"]
              conditions: {ready: true}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: api-1
              namespace: shop
              labels: {kubernetes.io/service-name: api}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.1.1"]
              conditions: {ready: true}
            """;

    private static String routes(int apiWeight) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: store, namespace: shop}
                spec:
                  parentRefs: [{name: edge}]
                  hostnames: [store.example.com]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /}}]
                    backendRefs:
                    - {name: web, port: 80, weight: 70}
                    - {name: api, port: 80, weight: %d}
                  - matches: [{path: {type: Exact, value: /healthz}, method: GET}]
                    filters:
                    - type: ResponseHeaderModifier
                      responseHeaderModifier: {set: [{name: Cache-Control, value: no-store}]}
                    backendRefs: [{name: api, port: 80}]
                """.formatted(apiWeight);
    }

    private E2eFixture start(String flavor) {
        f = new E2eFixture(tmp, KongDouble.builder().routerFlavor(flavor));
        f.repo.write("gateway/gateway.yaml", GATEWAY);
        f.repo.write("shop/backends.yaml", BACKENDS);
        f.repo.write("shop/routes.yaml", routes(30));
        f.repo.commit("store behind an HTTPRoute");
        return f;
    }

    /** {@code <upstream name> <target>} → weight. */
    private Map<String, Integer> targetWeights() {
        Map<String, String> upstreams = new TreeMap<>();
        for (ObjectNode u : f.all("upstreams")) upstreams.put(u.path("id").asText(), u.path("name").asText());
        Map<String, Integer> out = new TreeMap<>();
        for (ObjectNode t : f.all("targets")) {
            out.put(upstreams.get(t.at("/upstream/id").asText()) + " " + t.path("target").asText(),
                    t.path("weight").asInt());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"traditional_compatible", "expressions"})
    void anHttpRouteRepositoryConvergesAndAWeightChangeIsOneTargetWrite(String flavor) {
        start(flavor);
        E2eFixture.Run first = f.reconcile();
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(f.names("services", "name")).containsExactly("httproute.shop.store.0", "httproute.shop.store.1");
        if (flavor.equals("expressions")) {
            assertThat(f.names("routes", "name")).containsExactly("httproute.shop.store.store.example.com.0.0",
                    "httproute.shop.store.store.example.com.1.0");
            assertThat(f.all("routes")).allSatisfy(r -> {
                assertThat(r.path("expression").asText()).startsWith("(http.host == \"store.example.com\") && ");
                assertThat(r.path("priority").asLong()).isPositive();
            });
        } else {
            assertThat(f.names("routes", "name")).containsExactly("httproute.shop.store.0.0",
                    "httproute.shop.store.1.0");
            assertThat(f.all("routes")).allSatisfy(r -> {
                assertThat(r.path("hosts").toString()).isEqualTo("[\"store.example.com\"]");
                assertThat(r.path("protocols").toString()).isEqualTo("[\"http\"]");
            });
        }
        assertThat(targetWeights()).isEqualTo(Map.of("httproute.shop.store.0 10.0.0.1:8080", 35,
                "httproute.shop.store.0 10.0.0.2:8080", 35, "httproute.shop.store.0 10.0.1.1:8080", 30,
                "httproute.shop.store.1 10.0.1.1:8080", 1));
        assertThat(f.names("plugins", "name")).containsExactly("response-transformer");

        int before = f.kong.stats().writes();
        E2eFixture.Run second = f.reconcile();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(f.kong.stats().writes()).as("a second run writes nothing: " + second).isEqualTo(before);

        f.repo.write("shop/routes.yaml", routes(60));
        f.repo.commit("more traffic to api");
        int total = f.kong.stats().total();
        E2eFixture.Run third = f.reconcile();
        assertThat(third.exit()).as(third.toString()).isZero();
        List<RequestStats.Request> writes = f.kong.stats().log().stream().skip(total)
                .filter(RequestStats.Request::isWrite).toList();
        assertThat(writes).as(third.toString()).singleElement().satisfies(w -> {
            assertThat(w.path()).startsWith("/upstreams/").contains("/targets/");
            assertThat(w.body()).contains("\"weight\":60");
        });
        assertThat(targetWeights()).isEqualTo(Map.of("httproute.shop.store.0 10.0.0.1:8080", 35,
                "httproute.shop.store.0 10.0.0.2:8080", 35, "httproute.shop.store.0 10.0.1.1:8080", 60,
                "httproute.shop.store.1 10.0.1.1:8080", 1));
    }

    @Test
    void theGatewayApiSamplesReconcileAndConverge() {
        f = new E2eFixture(tmp).copySamples("gateway");
        f.repo.commit("gateway samples");
        E2eFixture.Run first = f.reconcile();
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(f.names("services", "name")).containsExactly("httproute.catalog.catalog-legacy.0",
                "httproute.catalog.catalog.0", "httproute.catalog.catalog.1", "httproute.catalog.catalog.3");
        assertThat(f.names("plugins", "name")).containsExactly("rate-limiting", "redirect", "request-transformer",
                "request-transformer", "response-transformer");
        int before = f.kong.stats().writes();
        E2eFixture.Run second = f.reconcile();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(f.kong.stats().writes()).as("converged: " + second).isEqualTo(before);
    }
}
