package io.konggitops.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --read-parallelism}: diff and reconcile (with its verification re-read) report the same whatever the number
 * of reads in flight, in sync, with drift (also in targets of weight 0, from terminating endpoints kept by
 * {@code --drain}) and when Kong fails a listing.
 */
class ParallelReadE2eTest {
    static final int SERVICES = 12;

    @TempDir
    Path tmp;
    E2eFixture f;

    @BeforeEach
    void syncTwelveServicesWithDrainingEndpoints() {
        f = new E2eFixture(tmp);
        StringBuilder manifests = new StringBuilder();
        for (int s = 0; s < SERVICES; s++) {
            manifests.append("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: svc-%1$d, namespace: shop}
                    spec:
                      ports: [{port: 80, targetPort: 8080}]
                    ---
                    apiVersion: discovery.k8s.io/v1
                    kind: EndpointSlice
                    metadata:
                      name: svc-%1$d-a
                      namespace: shop
                      labels: {kubernetes.io/service-name: svc-%1$d}
                    addressType: IPv4
                    ports: [{port: 8080, protocol: TCP}]
                    endpoints:
                    - addresses: ["10.0.%1$d.1"]
                    - addresses: ["10.0.%1$d.2"]
                    - addresses: ["10.0.%1$d.3"]
                      conditions: {ready: false, serving: true, terminating: true}
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: ing-%1$d, namespace: shop}
                    spec:
                      ingressClassName: kong
                      rules:
                      - host: h%1$d.example.com
                        http:
                          paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: svc-%1$d, port: {number: 80}}}}
                    ---
                    """.formatted(s));
        }
        f.repo.write("shop/all.yaml", manifests.toString());
        f.repo.commit("twelve services");
        E2eFixture.Run sync = f.reconcile("--drain", "--read-parallelism", "4");
        assertThat(sync.exit()).as(sync.toString()).isZero();
        assertThat(f.all("targets")).hasSize(SERVICES * 3);
        assertThat(f.all("targets").stream().filter(t -> t.get("weight").asInt() == 0)).hasSize(SERVICES);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aNoOpDiffReportsTheSameInSyncWithOneReadOrEightInFlight() {
        E2eFixture.Run serial = f.diff("--drain", "--read-parallelism", "1");
        E2eFixture.Run parallel = f.diff("--drain", "--read-parallelism", "8");
        E2eFixture.Run byDefault = f.diff("--drain");

        assertThat(serial.exit()).as(serial.toString()).isZero();
        assertThat(parallel.exit()).isZero();
        assertThat(parallel.out()).isEqualTo(serial.out());
        assertThat(byDefault.out()).isEqualTo(serial.out());
    }

    @Test
    void driftInATargetOfWeightZeroIsFoundTheSameWayInParallel() {
        var draining = f.all("targets").stream().filter(t -> t.get("weight").asInt() == 0).findFirst().orElseThrow();
        KongHands.patch(f, "upstreams/" + draining.at("/upstream/id").asText() + "/targets",
                draining.get("id").asText(), "{\"weight\":7}");

        E2eFixture.Run serial = f.diff("--drain", "--read-parallelism", "1");
        E2eFixture.Run parallel = f.diff("--drain", "--read-parallelism", "8");

        assertThat(serial.exit()).as(serial.toString()).isEqualTo(2);
        assertThat(serial.out()).contains("weight");
        assertThat(parallel.exit()).isEqualTo(2);
        assertThat(parallel.out()).isEqualTo(serial.out());
    }

    @Test
    void aListingKongFailsEndsTheRunWithTheSameErrorAndExitCode() {
        String upstream = f.all("upstreams").get(5).get("id").asText();
        f.kong.failOn("GET", "/upstreams/" + upstream + "/targets", 500, -1, null);

        E2eFixture.Run serial = f.diff("--drain", "--read-parallelism", "1");
        E2eFixture.Run parallel = f.diff("--drain", "--read-parallelism", "8");

        assertThat(serial.exit()).as(serial.toString()).isEqualTo(1);
        assertThat(serial.err()).contains("GET /upstreams/" + upstream + "/targets").contains("500");
        assertThat(parallel.exit()).isEqualTo(1);
        assertThat(parallel.err()).isEqualTo(serial.err());
        assertThat(parallel.out()).isEqualTo(serial.out());
    }

    @Test
    void aReconcileAndItsVerificationReadWithOneRequestAtATime() {
        var route = f.all("routes").get(0);
        KongHands.patch(f, "routes", route.get("id").asText(), "{\"paths\":[\"/drift\"]}");
        f.kong.clearConcurrencyCounts();

        E2eFixture.Run fix = f.reconcile("--drain", "--read-parallelism", "1");

        assertThat(fix.exit()).as(fix.toString()).isZero();
        assertThat(f.kong.maxConcurrentReads()).as("the read and the verification re-read, one request at a time")
                .isEqualTo(1);
        assertThat(f.diff("--drain").exit()).isZero();
    }

    @Test
    void aReadParallelismBelowOneIsRefused() {
        E2eFixture.Run r = f.diff("--read-parallelism", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--read-parallelism must be between 1 and 100, not 0");
    }
}
