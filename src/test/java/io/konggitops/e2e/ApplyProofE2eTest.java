package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reconcile promises against Kong: a rejected entity skips only what depends on it, every write carries the
 * complete entity (a target its weight), and "applied" is proven by re-reading Kong. WireMock in front of the double
 * plays a Kong that rejects one Service, or one that answers 200 to route writes without making them.
 */
class ApplyProofE2eTest {
    @TempDir
    Path tmp;
    private E2eFixture f;
    private WireMockServer proxy;

    @AfterEach
    void stop() {
        if (proxy != null) proxy.stop();
        if (f != null) f.close();
    }

    /** One app in namespace ns: an Ingress, its Service and one ready endpoint. */
    private static String app(String name, String ip) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: ns}
                spec:
                  ports: [{port: 80, targetPort: 8080}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-1
                  namespace: ns
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                ports: [{port: 8080, protocol: TCP}]
                endpoints:
                - addresses: ["%2$s"]
                  conditions: {ready: true}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %1$s
                  namespace: ns
                spec:
                  ingressClassName: kong
                  rules:
                  - host: %1$s.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: %1$s, port: {number: 80}}}
                """.formatted(name, ip);
    }

    private void twoAppsBehindAProxy() {
        f = new E2eFixture(tmp);
        f.repo.write("ns/bad.yaml", app("bad", "10.0.0.1"));
        f.repo.write("ns/good.yaml", app("good", "10.0.0.2"));
        f.repo.commit("two apps");
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(f.kong.baseUrl())));
        f.adminUrl(proxy.baseUrl());
    }

    private List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void aServiceKongRejectsSkipsOnlyItsRouteAndTheRestIsApplied() {
        twoAppsBehindAProxy();
        proxy.stubFor(put(urlPathMatching("/services/.+")).withRequestBody(matchingJsonPath("$.name",
                equalTo("ns.bad.80"))).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":2,\"name\":\"schema violation\",\"message\":\"schema violation (host: invalid)\"}")));

        E2eFixture.Run run = f.reconcile("--report", "json");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        JsonNode applied = run.json().path("applied");
        assertThat(applied.path("outcome").asText()).isEqualTo("failed");
        assertThat(texts(applied.path("failed"), "change")).containsExactly("create services ns.bad.80");
        assertThat(applied.path("skipped")).singleElement().satisfies(s -> {
            assertThat(s.path("change").asText()).startsWith("create routes ns.bad.");
            assertThat(s.path("reason").asText()).isEqualTo("depends on services ns.bad.80, which failed");
        });
        assertThat(f.names("services", "name")).containsExactly("ns.good.80");
        assertThat(f.all("routes")).singleElement()
                .satisfies(r -> assertThat(r.path("name").asText()).startsWith("ns.good."));
        assertThat(f.names("upstreams", "name")).containsExactly("bad.ns.80.svc", "good.ns.80.svc");
        assertThat(f.names("targets", "target")).containsExactly("10.0.0.1:8080", "10.0.0.2:8080");
        assertThat(applied.path("verified").asBoolean()).as("what was written is in Kong").isTrue();
    }

    @Test
    void aKongThatAcknowledgesARouteWriteButKeepsTheOldRouteFailsTheRunInEveryReportFormat() {
        twoAppsBehindAProxy();
        assertThat(f.reconcile().exit()).isZero();
        ObjectNode route = f.kong.store().find("routes", "name", f.all("routes").stream()
                .map(r -> r.path("name").asText()).filter(n -> n.startsWith("ns.good.")).findFirst().orElseThrow());
        String name = route.path("name").asText();
        AdminCalls.send(f.kong.baseUrl(), "PATCH", "/routes/" + route.path("id").asText(), "{\"paths\":[\"/drift\"]}");
        proxy.stubFor(put(urlPathMatching("/routes/.+")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        String expected = "did not converge: routes " + name + ": paths [\"/drift\"] (wanted [\"/\"])";

        E2eFixture.Run json = f.reconcile("--report", "json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(1);
        JsonNode applied = json.json().path("applied");
        assertThat(applied.path("outcome").asText()).isEqualTo("not_converged");
        assertThat(applied.path("verified").asBoolean(true)).isFalse();
        assertThat(applied.path("applied")).hasSize(1);
        assertThat(applied.path("unconverged")).singleElement().satisfies(u -> {
            assertThat(u.path("message").asText()).isEqualTo(expected);
            assertThat(u.path("kind").asText()).isEqualTo("routes");
            assertThat(u.at("/fields/0/before/0").asText()).isEqualTo("/drift");
        });
        assertThat(json.err()).contains("kong-gitops: " + expected);

        E2eFixture.Run text = f.reconcile();
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("NOT CONVERGED", "  " + expected).doesNotContain("Applied:");

        E2eFixture.Run markdown = f.reconcile("--report", "markdown");
        assertThat(markdown.exit()).isEqualTo(1);
        assertThat(markdown.out()).contains("#### Apply: NOT CONVERGED", expected).doesNotContain("#### Applied");

        assertThat(f.diff().exit()).as("the drift is still there").isEqualTo(2);
    }

    @Test
    void targetWeightDriftIsRepairedInOneRun() {
        f = new E2eFixture(tmp).copySamples("shop", "platform");
        f.repo.commit("samples");
        assertThat(f.reconcile().exit()).isZero();
        ObjectNode target = f.all("targets").get(0);
        String upstream = target.path("upstream").path("id").asText();
        String path = "/upstreams/" + upstream + "/targets/" + target.path("id").asText();
        assertThat(AdminCalls.send(f.kong.baseUrl(), "PATCH", path, "{\"weight\":0}")).startsWith("200");
        f.kong.stats().reset();

        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("weight: 0 -> 100", "Applied: 1 change(s)", "Verified:");
        List<RequestStats.Request> writes = f.kong.stats().log().stream().filter(RequestStats.Request::isWrite)
                .toList();
        assertThat(writes).singleElement().satisfies(w -> {
            assertThat(w.method() + " " + w.path()).isEqualTo("PUT " + path);
            assertThat(E2eFixture.JSON.readTree(w.body()).path("weight").asInt(-1))
                    .as("a target PUT is a merge in Kong: the body carries the weight").isEqualTo(100);
        });
        assertThat(f.kong.store().find("targets", "id", target.path("id").asText()).path("weight").asInt())
                .isEqualTo(100);
        E2eFixture.Run diff = f.diff();
        assertThat(diff.exit()).as(diff.toString()).isZero();
    }
}
