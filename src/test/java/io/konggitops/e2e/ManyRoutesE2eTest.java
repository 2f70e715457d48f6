package io.konggitops.e2e;

import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A large configuration: one changed route among 1,000 managed ones is one write. */
class ManyRoutesE2eTest {
    static final int ROUTES = 1000;

    @TempDir
    Path tmp;

    @Test
    void oneChangedRouteAmongAThousandIsExactlyOneWrite() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            f.repo.write("app/service.yaml", """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: app, namespace: bulk}
                    spec:
                      ports: [{port: 80, targetPort: 8080}]
                    ---
                    apiVersion: discovery.k8s.io/v1
                    kind: EndpointSlice
                    metadata:
                      name: app-1
                      namespace: bulk
                      labels: {kubernetes.io/service-name: app}
                    addressType: IPv4
                    ports: [{port: 8080, protocol: TCP}]
                    endpoints:
                    - addresses: ["10.1.0.1"]
                    """);
            f.repo.write("app/ingress.yaml", ingress(-1));
            f.repo.commit("a thousand hosts");
            E2eFixture.Run first = f.reconcile();
            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(f.kong.store().count("routes")).isEqualTo(ROUTES);

            f.repo.write("app/ingress.yaml", ingress(567));
            f.repo.commit("one path changed");
            int before = f.kong.stats().total();
            E2eFixture.Run second = f.reconcile();
            assertThat(second.exit()).as(second.toString()).isZero();
            List<RequestStats.Request> writes = f.kong.stats().log().stream().skip(before)
                    .filter(RequestStats.Request::isWrite).toList();
            assertThat(writes).singleElement().satisfies(w -> {
                assertThat(w.method()).isEqualTo("PUT");
                assertThat(w.path()).startsWith("/routes/");
                assertThat(w.body()).contains("h567.bulk.example.com").contains("/v2");
            });
            assertThat(second.out()).contains("0 to create, 1 to update, 0 to delete (" + (ROUTES + 3 - 1)
                    + " unchanged)");
        }
    }

    /** One Ingress with a rule per host; rule {@code changed} routes /v2 instead of /v1. */
    private static String ingress(int changed) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: hosts, namespace: bulk}
                spec:
                  ingressClassName: kong
                  rules:
                """);
        for (int i = 0; i < ROUTES; i++) {
            sb.append("  - host: h").append(i).append(".bulk.example.com\n")
                    .append("    http:\n      paths:\n      - path: /").append(i == changed ? "v2" : "v1")
                    .append("\n        pathType: Prefix\n")
                    .append("        backend: {service: {name: app, port: {number: 80}}}\n");
        }
        return sb.toString();
    }
}
