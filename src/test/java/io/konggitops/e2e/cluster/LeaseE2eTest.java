package io.konggitops.e2e.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.testing.git.TestRepo;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.konggitops.e2e.cluster.ClusterE2e.cli;
import static io.konggitops.e2e.cluster.ClusterE2e.endpoint;
import static io.konggitops.e2e.cluster.ClusterE2e.isolatedEnv;
import static io.konggitops.e2e.cluster.ClusterE2e.port;
import static io.konggitops.e2e.cluster.ClusterE2e.service;
import static io.konggitops.e2e.cluster.ClusterE2e.slice;
import static io.konggitops.e2e.cluster.ClusterE2e.slicePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer at a time: {@code reconcile} against the fabric8 mock API server (CRUD) takes the
 * {@code coordination.k8s.io/v1} Lease {@code kong-gitops/kong-gitops} before its first Kong write, refuses (exit 3,
 * no write) while another holder's Lease is valid, takes an expired one over, and releases it at the end.
 */
@EnableKubernetesMockClient(crud = true)
class LeaseE2eTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path tmp;

    private KongDouble kong;
    private TestRepo repo;
    private Path kubeconfig;

    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: shop
            spec:
              ingressClassName: kong
              rules:
              - host: shop.example.test
                http:
                  paths:
                  - {path: /web, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
            """;

    @BeforeEach
    void setUp() throws Exception {
        for (String name : List.of("web", "api")) {
            client.services().resource(service("shop", name, Map.of(), port("http", 80, new IntOrString(8080))))
                    .createOr(NonDeletingOperation::update);
            client.discovery().v1().endpointSlices().resource(slice("shop", name + "-v4", name, "IPv4",
                    List.of(slicePort("http", 8080)), endpoint("10.0.0." + (name.equals("web") ? 1 : 2), true, true,
                            false))).createOr(NonDeletingOperation::update);
        }
        repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("routing/ingress.yaml", INGRESS).commit("routing");
        kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kube/config"), "mock",
                client.getConfiguration().getMasterUrl());
        kong = KongDouble.startDefault();
    }

    @AfterEach
    void tearDown() {
        if (kong != null) kong.close();
        if (repo != null) repo.close();
    }

    private ClusterE2e.Run reconcile(String... extra) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "cluster", "--kubeconfig", kubeconfig.toString(), "--kong-admin-url", kong.baseUrl()));
        args.addAll(List.of(extra));
        return cli(isolatedEnv(tmp.resolve("home")), args.toArray(String[]::new));
    }

    private Lease lease() {
        return client.leases().inNamespace("kong-gitops").withName("kong-gitops").get();
    }

    private void seedLease(String holder, ZonedDateTime renewed, int seconds) {
        client.leases().resource(new LeaseBuilder().withNewMetadata().withNamespace("kong-gitops")
                .withName("kong-gitops").endMetadata().withNewSpec().withHolderIdentity(holder)
                .withLeaseDurationSeconds(seconds).withAcquireTime(renewed).withRenewTime(renewed)
                .withLeaseTransitions(4).endSpec().build()).create();
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aLeaseHeldBySomeoneElseRefusesTheRunWithExit3NamingTheHolderAndWritesNothingToKong() {
        ZonedDateTime renewed = now();
        seedLease("kong-gitops-29131680-x7k2p", renewed, 600);

        ClusterE2e.Run run = reconcile("--report", "json");

        assertThat(run.exit()).as(run.all()).isEqualTo(3);
        assertThat(kong.writes()).isEmpty();
        assertThat(run.err()).contains("holder kong-gitops-29131680-x7k2p")
                .contains("valid until " + renewed.plusSeconds(600).toInstant());
        assertThat(run.out()).contains("\"refused\"").contains("kong-gitops-29131680-x7k2p");
        // the other holder's Lease is left alone
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("kong-gitops-29131680-x7k2p");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheRunApplies() {
        seedLease("kong-gitops-29131665-dead1", now().minusMinutes(10), 60);

        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(kong.writes()).isNotEmpty();
        assertThat(run.err()).contains("took the Lease kong-gitops/kong-gitops");
        assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(5);
    }

    @Test
    void theLeaseIsHeldWhileApplyingAndReleasedAfterTheRun() {
        ClusterE2e.Run run = reconcile("--lock-ttl", "30s");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(kong.writes()).isNotEmpty();
        Lease lease = lease();
        assertThat(lease).as("the Lease was created").isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).as("released: no holder").isEmpty();
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(1);
        // released, the next run takes it at once
        ClusterE2e.Run again = reconcile();
        assertThat(again.exit()).as(again.all()).isZero();
    }

    @Test
    void theLeaseIsReleasedAlsoWhenApplyingFails() {
        kong.failOn("POST", "/services", 400, -1, null);
        kong.failOn("PUT", "/services", 400, -1, null);

        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(lease().getSpec().getHolderIdentity()).isEmpty();
    }

    @Test
    void twoConcurrentRunsGiveExactlyOneWriter() throws Exception {
        // the first run's writes wait until the second run has ended: meanwhile the first holds the Lease
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        kong.holdWritesUntil(secondDone);
        CompletableFuture<ClusterE2e.Run> first = CompletableFuture.supplyAsync(() -> reconcile("--parallelism", "1",
                "--report", "json"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (kong.maxConcurrentWrites() == 0 && !first.isDone()) {
            assertThat(System.nanoTime()).as("the first run reached Kong").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(first.isDone()).as("the first run is held in its first write").isFalse();

        ClusterE2e.Run second;
        try {
            second = reconcile("--parallelism", "1");
        } finally {
            secondDone.countDown();
        }
        ClusterE2e.Run firstRun = first.get(60, TimeUnit.SECONDS);

        assertThat(second.exit()).as(second.all()).isEqualTo(3);
        assertThat(second.err()).contains("another kong-gitops run holds the Lease");
        assertThat(firstRun.exit()).as(firstRun.all()).isZero();
        assertThat(kong.maxConcurrentWrites()).isEqualTo(1);
        // every write came from the first run: as many as its plan had
        assertThat(kong.writes()).hasSize(countChanges(firstRun.out()));
        assertThat(lease().getSpec().getHolderIdentity()).isEmpty();
    }

    @Test
    void noLockSkipsTheLease() {
        ZonedDateTime renewed = now();
        seedLease("someone-else", renewed, 600);

        ClusterE2e.Run run = reconcile("--no-lock");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.err()).contains("--no-lock: no Lease taken");
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("someone-else");
    }

    @Test
    void withoutAClusterTheRunSaysNoLockWasTaken() {
        ClusterE2e.Run run = cli(isolatedEnv(tmp.resolve("home")), "reconcile", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "service-dns", "--kong-admin-url", kong.baseUrl());

        // (the Services are only in the cluster, so this run reports them missing and exits 1; it still writes)
        assertThat(kong.writes()).isNotEmpty();
        assertThat(run.err()).contains("no lock taken").contains("--endpoints cluster");
        assertThat(lease()).isNull();
    }

    /** How many changes a JSON report lists. */
    private static int countChanges(String jsonReport) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonReport).get("changes").size();
    }
}
