package io.konggitops.e2e.cluster;

import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.konggitops.e2e.cluster.ClusterE2e.cli;
import static io.konggitops.e2e.cluster.ClusterE2e.closedPort;
import static io.konggitops.e2e.cluster.ClusterE2e.drain;
import static io.konggitops.e2e.cluster.ClusterE2e.isolatedEnv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the cluster cannot be read completely — RBAC denial, API server down, no answer in time — the run exits 1
 * with a message naming the API server and what failed, and Kong is never contacted: the cluster is resolved before
 * the first Admin API request, so a partial view can never delete targets.
 */
@EnableKubernetesMockClient
class ClusterFailureE2eTest {
    private static final String LIMIT = "?limit=500";

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path tmp;

    private KongDouble kong;
    private TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        kong = KongDouble.startDefault();
        repo = TestRepo.init(tmp.resolve("repo"));
        for (String ns : List.of("shop", "pay")) {
            repo.write(ns + ".yaml", """
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata:
                      name: web
                      namespace: %s
                    spec:
                      ingressClassName: kong
                      rules:
                      - host: %s.example.test
                        http:
                          paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                    """.formatted(ns, ns));
        }
        repo.commit("two namespaces");
    }

    @AfterEach
    void tearDown() {
        if (kong != null) kong.close();
        if (repo != null) repo.close();
    }

    private ClusterE2e.Run reconcile(Path kubeconfig, String... extra) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "cluster", "--kubeconfig", kubeconfig.toString(), "--kong-admin-url", kong.baseUrl()));
        args.addAll(List.of(extra));
        return cli(isolatedEnv(tmp.resolve("home")), args.toArray(String[]::new));
    }

    private Path mockKubeconfig() {
        return ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"), "mock", client.getConfiguration().getMasterUrl());
    }

    private static Status forbidden(String resource, String namespace) {
        return new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage(resource + " is forbidden: User \"system:serviceaccount:kong-gitops:kong-gitops\" cannot "
                        + "list resource \"" + resource + "\" in API group \"\""
                        + (namespace == null ? " at the cluster scope" : " in the namespace \"" + namespace + "\""))
                .build();
    }

    @Test
    void rbacDeniedServiceListsClusterWideAndPerNamespaceExitOneBeforeKongIsContacted() throws Exception {
        server.expect().get().withPath("/api/v1/services" + LIMIT).andReturn(403, forbidden("services", null))
                .always();
        for (String ns : List.of("shop", "pay")) {
            server.expect().get().withPath("/api/v1/namespaces/" + ns + "/services" + LIMIT)
                    .andReturn(403, forbidden("services", ns)).always();
        }
        String apiServer = client.getConfiguration().getMasterUrl();

        ClusterE2e.Run run = reconcile(mockKubeconfig());

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("forbidden: cannot list services in namespace pay")
                .contains("RBAC: grant \"list\" on \"services\"")
                .contains("on API server " + apiServer);
        assertThat(kong.stats().total()).as("not a single Admin API request").isZero();
        assertThat(drain(server)).extracting(ClusterE2e::pathOnly).as("cluster-wide list first, then per namespace")
                .startsWith("/api/v1/services", "/api/v1/namespaces/pay/services");
    }

    @Test
    void diffAlsoResolvesTheClusterFirstAndExitsOneNotTwo() {
        server.expect().get().withPath("/api/v1/services" + LIMIT).andReturn(403, forbidden("services", null))
                .always();
        for (String ns : List.of("shop", "pay")) {
            server.expect().get().withPath("/api/v1/namespaces/" + ns + "/services" + LIMIT)
                    .andReturn(403, forbidden("services", ns)).always();
        }

        ClusterE2e.Run run = cli(isolatedEnv(tmp.resolve("home")), "diff", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "cluster", "--kubeconfig", mockKubeconfig().toString(),
                "--kong-admin-url", kong.baseUrl());

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("cannot list services in namespace pay");
        assertThat(kong.stats().total()).isZero();
    }

    @Test
    void rbacDeniedTlsSecretExitsOneBeforeKongIsContacted() {
        repo.write("shop.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                spec:
                  ingressClassName: kong
                  tls:
                  - {hosts: [shop.example.test], secretName: shop-tls}
                  rules:
                  - host: shop.example.test
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """).delete("pay.yaml").commit("one namespace with TLS");
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices" + LIMIT)
                .andReturn(200, new EndpointSliceListBuilder().build()).always();
        server.expect().get().withPath("/api/v1/namespaces" + LIMIT)
                .andReturn(200, new NamespaceListBuilder().build()).always();
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/shop-tls")
                .andReturn(403, forbidden("secrets", "shop")).always();

        ClusterE2e.Run run = reconcile(mockKubeconfig());

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("forbidden: cannot get secrets \"shop-tls\" in namespace shop")
                .contains("on API server " + client.getConfiguration().getMasterUrl());
        assertThat(kong.stats().total()).isZero();
    }

    @Test
    void anUnreachableApiServerExitsOneNamingItsUrlBeforeKongIsContacted() {
        String url = "https://127.0.0.1:" + closedPort();
        Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("gone"), "gone", url);

        ClusterE2e.Run run = reconcile(kubeconfig, "--cluster-timeout", "2s", "--cluster-retries", "0");

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("cannot reach the API server " + url).contains("list services");
        assertThat(kong.stats().total()).isZero();
    }

    @Test
    void anApiServerThatNeverAnswersTimesOutAfterClusterTimeout() throws Exception {
        // the kernel accepts the TCP connection into the backlog; nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("silent"), "silent", url);

            ClusterE2e.Run run = reconcile(kubeconfig, "--cluster-timeout", "500ms", "--cluster-retries", "0");

            assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
            assertThat(run.err()).contains("timed out after 500 ms waiting for the API server " + url);
            assertThat(kong.stats().total()).isZero();
        }
    }

    @Test
    void clusterTimeoutAndRetriesAlsoComeFromTheEnvironment() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            Path kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("silent"), "silent", url);

            ClusterE2e.Run run = cli(java.util.Map.of("HOME", tmp.resolve("home").toString(),
                            "KONG_GITOPS_CLUSTER_TIMEOUT", "300ms", "KONG_GITOPS_CLUSTER_RETRIES", "0"),
                    "reconcile", "--repo", repo.dir().toUri().toString(), "--endpoints", "cluster",
                    "--kubeconfig", kubeconfig.toString(), "--kong-admin-url", kong.baseUrl());

            assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
            assertThat(run.err()).contains("timed out after 300 ms waiting for the API server " + url);
            assertThat(kong.stats().total()).isZero();
        }
    }

    @Test
    void failingRequestsAreRetriedAsOftenAsClusterRetriesSays() throws Exception {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(503, new StatusBuilder().withStatus("Failure").withCode(503).withMessage("etcd busy")
                        .build()).always();
        repo.delete("pay.yaml").commit("one namespace");
        drain(server);

        ClusterE2e.Run run = reconcile(mockKubeconfig(), "--cluster-retries", "2");

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("API error 503 on list services in namespace shop");
        assertThat(drain(server)).extracting(ClusterE2e::pathOnly)
                .containsExactly("/api/v1/namespaces/shop/services", "/api/v1/namespaces/shop/services",
                        "/api/v1/namespaces/shop/services");
        assertThat(kong.stats().total()).isZero();
    }

    @Test
    void aBadClusterTimeoutIsASettingsErrorNamingTheFlag() {
        ClusterE2e.Run run = reconcile(mockKubeconfig(), "--cluster-timeout", "soon", "--cluster-retries", "-1");

        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("--cluster-timeout must be a duration such as 30s, 500ms or 2m, not 'soon'")
                .contains("--cluster-retries must be between 0 and 10, not -1");
        assertThat(kong.stats().total()).isZero();
    }
}
