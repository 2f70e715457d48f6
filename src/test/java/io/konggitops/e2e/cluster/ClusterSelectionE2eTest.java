package io.konggitops.e2e.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.konggitops.e2e.cluster.ClusterE2e.cli;
import static io.konggitops.e2e.cluster.ClusterE2e.closedPort;
import static io.konggitops.e2e.cluster.ClusterE2e.contexts;
import static io.konggitops.e2e.cluster.ClusterE2e.drain;
import static io.konggitops.e2e.cluster.ClusterE2e.endpoint;
import static io.konggitops.e2e.cluster.ClusterE2e.isolatedEnv;
import static io.konggitops.e2e.cluster.ClusterE2e.port;
import static io.konggitops.e2e.cluster.ClusterE2e.service;
import static io.konggitops.e2e.cluster.ClusterE2e.slice;
import static io.konggitops.e2e.cluster.ClusterE2e.slicePort;
import static io.konggitops.e2e.cluster.ClusterE2e.targetsByUpstream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which cluster a run reads: {@code --endpoints auto} uses the cluster when a kubeconfig is given and the
 * repository's own Services and EndpointSlices when none is found; {@code --context} picks a context of the
 * kubeconfig, as on a platform engineer's laptop.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterSelectionE2eTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path tmp;

    private KongDouble kong;
    private TestRepo repo;
    private Path emptyHome;

    /** The repository has its own Service and EndpointSlice, so manifests mode and cluster mode disagree. */
    private static final String MANIFESTS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: shop
            spec:
              ingressClassName: kong
              rules:
              - host: shop.example.test
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-from-git
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            ports:
            - {name: http, port: 8080, protocol: TCP}
            endpoints:
            - addresses: [10.9.9.9]
              conditions: {ready: true}
            """;

    @BeforeEach
    void setUp() throws Exception {
        client.services().resource(service("shop", "web", Map.of(), port("http", 80, new IntOrString(8080))))
                .createOr(NonDeletingOperation::update);
        client.discovery().v1().endpointSlices().resource(slice("shop", "web-live", "web", "IPv4",
                List.of(slicePort("http", 8080)), endpoint("10.0.0.1", true, true, false)))
                .createOr(NonDeletingOperation::update);
        repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("web.yaml", MANIFESTS).commit("web");
        emptyHome = Files.createDirectories(tmp.resolve("home"));
        kong = KongDouble.startDefault();
        drain(server);
    }

    @AfterEach
    void tearDown() {
        if (kong != null) kong.close();
        if (repo != null) repo.close();
    }

    private ClusterE2e.Run reconcile(String... extra) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--repo", repo.dir().toUri().toString(),
                "--kong-admin-url", kong.baseUrl()));
        args.addAll(List.of(extra));
        return cli(isolatedEnv(emptyHome), args.toArray(String[]::new));
    }

    private String mockUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    @Test
    void autoWithAKubeconfigReadsTheCluster() throws Exception {
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"), "mock", mockUrl());

        ClusterE2e.Run run = reconcile("--endpoints", "auto", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(drain(server)).extracting(ClusterE2e::pathOnly).contains("/api/v1/namespaces/shop/services");
        assertThat(targetsByUpstream(kong)).containsEntry("web.shop.80.svc", List.of("10.0.0.1:8080 weight 100"));
        assertThat(run.out()).contains("EndpointSlice shop/web-from-git in the repository is ignored");
    }

    @Test
    void autoWithNoKubeconfigAnywhereUsesTheRepositorysEndpoints() throws Exception {
        ClusterE2e.Run run = reconcile("--endpoints", "auto");

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(drain(server)).as("the cluster is not asked").isEmpty();
        assertThat(targetsByUpstream(kong)).containsEntry("web.shop.80.svc", List.of("10.9.9.9:8080 weight 100"));
    }

    @Test
    void autoIsTheDefault() throws Exception {
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"), "mock", mockUrl());

        ClusterE2e.Run run = reconcile("--kubeconfig", kubeconfig.toString());

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(drain(server)).isNotEmpty();
        assertThat(targetsByUpstream(kong)).containsEntry("web.shop.80.svc", List.of("10.0.0.1:8080 weight 100"));
    }

    @Test
    void theContextNamedOnTheCommandLineIsUsedInsteadOfTheCurrentOne() throws Exception {
        String closed = "https://127.0.0.1:" + closedPort();
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"),
                contexts("laptop-broken", closed, "mock", mockUrl()));

        ClusterE2e.Run run = reconcile("--kubeconfig", kubeconfig.toString(), "--context", "mock");

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(drain(server)).isNotEmpty();
        assertThat(targetsByUpstream(kong)).containsEntry("web.shop.80.svc", List.of("10.0.0.1:8080 weight 100"));
        assertThat(run.all()).doesNotContain(closed);
    }

    @Test
    void withoutContextTheCurrentContextIsUsed() throws Exception {
        String closed = "https://127.0.0.1:" + closedPort();
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"),
                contexts("laptop-broken", closed, "mock", mockUrl()));

        ClusterE2e.Run run = reconcile("--kubeconfig", kubeconfig.toString(), "--cluster-retries", "0");

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("cannot reach the API server " + closed);
        assertThat(drain(server)).isEmpty();
        assertThat(kong.stats().total()).isZero();
    }

    @Test
    void anUnknownContextListsTheAvailableOnesAndKongIsNotContacted() {
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"),
                contexts("laptop-broken", "https://127.0.0.1:1", "mock", mockUrl()));

        ClusterE2e.Run run = reconcile("--kubeconfig", kubeconfig.toString(), "--context", "staging");

        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("context \"staging\" not found in the kubeconfig " + kubeconfig)
                .contains("available: laptop-broken, mock");
        assertThat(kong.stats().total()).isZero();
    }
}
