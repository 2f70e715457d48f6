package io.konggitops.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KongUpstreamPolicy with active and passive health checks, end to end against the Kong double: the upstream is
 * created with the policy's settings, Kong's nested health-check defaults cause no drift on the next run, and an edit
 * of the policy in Git is one write to that upstream.
 */
class UpstreamPolicyE2eTest {
    @TempDir
    Path tmp;
    private E2eFixture f;

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private static final String APP = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              annotations: {konghq.com/upstream-policy: balanced}
            spec:
              ports: [{port: 80, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            ports: [{port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.0.7"]
              conditions: {ready: true}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              ingressClassName: kong
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
            """;

    private static String policy(int activeInterval) {
        return """
                apiVersion: configuration.konghq.com/v1beta1
                kind: KongUpstreamPolicy
                metadata: {name: balanced, namespace: shop}
                spec:
                  algorithm: consistent-hashing
                  slots: 128
                  hashOn: {header: x-session}
                  hashOnFallback: {input: ip}
                  healthchecks:
                    threshold: 25
                    active:
                      type: http
                      httpPath: /healthz
                      timeout: 3
                      headers: {x-probe: [kong-gitops]}
                      healthy: {interval: %d, successes: 2, httpStatuses: [200]}
                      unhealthy: {interval: 5, httpFailures: 3, timeouts: 2}
                    passive:
                      healthy: {successes: 4}
                      unhealthy: {httpFailures: 5, httpStatuses: [500, 503]}
                """.formatted(activeInterval);
    }

    @Test
    void anUpstreamWithHealthChecksIsCreatedThenLeftAloneThenUpdatedWithOneWrite() {
        f = new E2eFixture(tmp);
        f.repo.write("shop/app.yaml", APP);
        f.repo.write("shop/policy.yaml", policy(10));
        f.repo.commit("web behind a balanced upstream");

        E2eFixture.Run first = f.reconcile();
        assertThat(first.exit()).as(first.toString()).isZero();
        List<ObjectNode> ups = f.all("upstreams");
        assertThat(ups).hasSize(1);
        ObjectNode up = ups.get(0);
        assertThat(up.path("name").asText()).isEqualTo("web.shop.80.svc");
        assertThat(up.path("algorithm").asText()).isEqualTo("consistent-hashing");
        assertThat(up.path("slots").asInt()).isEqualTo(128);
        assertThat(up.path("hash_on").asText()).isEqualTo("header");
        assertThat(up.path("hash_on_header").asText()).isEqualTo("x-session");
        assertThat(up.path("hash_fallback").asText()).isEqualTo("ip");
        assertThat(up.at("/healthchecks/threshold").asDouble()).isEqualTo(25.0);
        assertThat(up.at("/healthchecks/active/http_path").asText()).isEqualTo("/healthz");
        assertThat(up.at("/healthchecks/active/healthy/interval").asInt()).isEqualTo(10);
        assertThat(up.at("/healthchecks/active/headers/x-probe/0").asText()).isEqualTo("kong-gitops");
        assertThat(up.at("/healthchecks/passive/unhealthy/http_statuses").toString()).isEqualTo("[500,503]");
        assertThat(up.at("/healthchecks/active/concurrency").asInt()).as("Kong's default filled").isEqualTo(10);

        int before = f.kong.stats().writes();
        E2eFixture.Run second = f.reconcile();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(f.kong.stats().writes()).as("no false drift from healthcheck defaults: " + second)
                .isEqualTo(before);
        E2eFixture.Run diff = f.diff();
        assertThat(diff.exit()).as(diff.toString()).isZero();

        f.repo.write("shop/policy.yaml", policy(30));
        f.repo.commit("probe less often");
        int total = f.kong.stats().total();
        E2eFixture.Run third = f.reconcile();
        assertThat(third.exit()).as(third.toString()).isZero();
        List<RequestStats.Request> writes = f.kong.stats().log().stream().skip(total)
                .filter(RequestStats.Request::isWrite).toList();
        assertThat(writes).singleElement().satisfies(w -> {
            assertThat(w.path()).startsWith("/upstreams/");
            assertThat(w.body()).contains("\"interval\":30");
        });
        assertThat(f.all("upstreams").get(0).at("/healthchecks/active/healthy/interval").asInt()).isEqualTo(30);
    }

    @Test
    void anInvalidPolicyIsReportedOnItsFileAndTheUpstreamKeepsKongDefaults() {
        f = new E2eFixture(tmp);
        f.repo.write("shop/app.yaml", APP);
        f.repo.write("shop/policy.yaml", """
                apiVersion: configuration.konghq.com/v1beta1
                kind: KongUpstreamPolicy
                metadata: {name: balanced, namespace: shop}
                spec:
                  algorithm: round-robin
                  hashOn: {header: x-session}
                """);
        f.repo.commit("a policy the CRD would reject");

        E2eFixture.Run run = f.reconcile();
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.all()).contains("shop/policy.yaml:1").contains("KongUpstreamPolicy shop/balanced")
                .contains("spec.algorithm");
        assertThat(f.all("upstreams")).singleElement()
                .satisfies(u -> assertThat(u.path("algorithm").asText()).isEqualTo("round-robin"));
    }
}
