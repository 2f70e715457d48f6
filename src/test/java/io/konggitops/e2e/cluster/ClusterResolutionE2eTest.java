package io.konggitops.e2e.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.e2e.cluster.ClusterE2e.cli;
import static io.konggitops.e2e.cluster.ClusterE2e.endpoint;
import static io.konggitops.e2e.cluster.ClusterE2e.isolatedEnv;
import static io.konggitops.e2e.cluster.ClusterE2e.namespace;
import static io.konggitops.e2e.cluster.ClusterE2e.pem;
import static io.konggitops.e2e.cluster.ClusterE2e.port;
import static io.konggitops.e2e.cluster.ClusterE2e.service;
import static io.konggitops.e2e.cluster.ClusterE2e.slice;
import static io.konggitops.e2e.cluster.ClusterE2e.slicePort;
import static io.konggitops.e2e.cluster.ClusterE2e.targetsByUpstream;
import static io.konggitops.e2e.cluster.ClusterE2e.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Git repository of routing objects → fabric8 mock API server (CRUD) holding Services, EndpointSlices, a TLS Secret
 * and Namespaces → {@code kong-gitops reconcile --endpoints cluster} → the Kong double. Acceptance criteria of the
 * "Cluster resolution" issue, end to end through the CLI.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterResolutionE2eTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path tmp;

    private KongDouble kong;
    private TestRepo repo;
    private Path kubeconfig;
    private String secretUid;

    /** Routing objects only, plus a repository-only Service, a Service also in the cluster and a Namespace. */
    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: shop
            spec:
              ingressClassName: kong
              tls:
              - hosts: [shop.example.test]
                secretName: shop-tls
              rules:
              - host: shop.example.test
                http:
                  paths:
                  - {path: /web, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
                  - {path: /grpc, pathType: Prefix, backend: {service: {name: api, port: {name: grpc}}}}
                  - {path: /empty, pathType: Prefix, backend: {service: {name: empty, port: {number: 80}}}}
                  - {path: /repo-only, pathType: Prefix, backend: {service: {name: repo-only, port: {number: 80}}}}
                  - {path: /both, pathType: Prefix, backend: {service: {name: both, port: {number: 80}}}}
                  - {path: /same, pathType: Prefix, backend: {service: {name: same, port: {number: 80}}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: checkout
              namespace: pay
            spec:
              ingressClassName: kong
              rules:
              - host: pay.example.test
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: checkout, port: {name: https}}}}
            """;

    private static final String REPO_SERVICES = """
            apiVersion: v1
            kind: Service
            metadata:
              name: repo-only
              namespace: shop
            spec:
              selector: {app: repo-only}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: both
              namespace: shop
              annotations:
                konghq.com/read-timeout: "1000"
            spec:
              selector: {app: both}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: same
              namespace: shop
              annotations:
                konghq.com/read-timeout: "7000"
            spec:
              selector: {app: same}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {team: shop, gateway-access: "no"}
            """;

    @BeforeEach
    void setUp() throws Exception {
        seedCluster();
        repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("routing/ingresses.yaml", INGRESS).write("routing/services.yaml", REPO_SERVICES).commit("routing");
        kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kube/config"), "mock",
                client.getConfiguration().getMasterUrl());
        kong = KongDouble.startDefault();
    }

    @AfterEach
    void tearDown() {
        if (kong != null) kong.close();
        if (repo != null) repo.close();
    }

    private void seedCluster() {
        client.namespaces().resource(namespace("shop", Map.of("team", "shop", "gateway-access", "yes")))
                .createOr(NonDeletingOperation::update);
        client.namespaces().resource(namespace("pay", Map.of("team", "pay"))).createOr(NonDeletingOperation::update);

        var services = client.services();
        services.resource(service("shop", "web", Map.of(), port("http", 80, new IntOrString(8080))))
                .createOr(NonDeletingOperation::update);
        services.resource(service("shop", "api", Map.of(), port("http", 80, new IntOrString("http-alt")),
                port("grpc", 9000, new IntOrString("grpc")))).createOr(NonDeletingOperation::update);
        services.resource(service("shop", "empty", Map.of(), port("http", 80, new IntOrString(8080))))
                .createOr(NonDeletingOperation::update);
        services.resource(service("shop", "both", Map.of("konghq.com/read-timeout", "5000"),
                port("http", 80, new IntOrString(8080)))).createOr(NonDeletingOperation::update);
        services.resource(service("shop", "same", Map.of("konghq.com/read-timeout", "7000"),
                port("http", 80, new IntOrString(8080)))).createOr(NonDeletingOperation::update);
        services.resource(service("pay", "checkout", Map.of(), port("https", 443, new IntOrString("tls"))))
                .createOr(NonDeletingOperation::update);

        var slices = client.discovery().v1().endpointSlices();
        slices.resource(slice("shop", "web-v4", "web", "IPv4", List.of(slicePort("http", 8080)),
                endpoint("10.0.0.1", true, true, false),
                endpoint("10.0.0.2", false, false, false),
                endpoint("10.0.0.3", false, true, true),
                endpoint("10.0.0.4", null, null, null))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "web-v6", "web", "IPv6", List.of(slicePort("http", 8080)),
                endpoint("fd00::1", true, true, false),
                endpoint("fd00::2", false, true, true))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "api-v4", "api", "IPv4",
                List.of(slicePort("http", 8081), slicePort("grpc", 9090)),
                endpoint("10.0.1.1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "api-v6", "api", "IPv6",
                List.of(slicePort("http", 8081), slicePort("grpc", 9090)),
                endpoint("fd00::11", true, true, false))).createOr(NonDeletingOperation::update);
        // a rollout moved the named container port: the slice of the new pods carries the new number
        slices.resource(slice("shop", "api-canary", "api", "IPv4",
                List.of(slicePort("http", 8181), slicePort("grpc", 9191)),
                endpoint("10.0.1.2", true, true, false),
                endpoint("10.0.1.1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "empty-v4", "empty", "IPv4", List.of(slicePort("http", 8080)),
                endpoint("10.0.3.1", false, false, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "both-v4", "both", "IPv4", List.of(slicePort("http", 8080)),
                endpoint("10.0.5.1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "same-v4", "same", "IPv4", List.of(slicePort("http", 8080)),
                endpoint("10.0.6.1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("pay", "checkout-v4", "checkout", "IPv4", List.of(slicePort("https", 8443)),
                endpoint("10.0.2.1", true, true, false))).createOr(NonDeletingOperation::update);

        Secret secret = client.secrets().resource(tlsSecret("shop", "shop-tls", "rsa1"))
                .createOr(NonDeletingOperation::update);
        secretUid = client.secrets().inNamespace("shop").withName("shop-tls").get().getMetadata().getUid();
        assertThat(secretUid).as("the mock server gives the Secret a UID").isNotBlank()
                .isEqualTo(secret.getMetadata().getUid());
    }

    private ClusterE2e.Run reconcile(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("reconcile", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "cluster", "--kubeconfig", kubeconfig.toString(), "--kong-admin-url", kong.baseUrl()));
        args.addAll(List.of(extra));
        return cli(isolatedEnv(tmp.resolve("home")), args.toArray(String[]::new));
    }

    @Test
    @DisplayName("targets come from the cluster's EndpointSlices: ip:port, IPv6 bracketed, not-ready and terminating dropped")
    void targetsComeFromTheClustersEndpointSlices() {
        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(targetsByUpstream(kong)).containsOnly(
                entry("web.shop.80.svc", List.of("10.0.0.1:8080 weight 100", "10.0.0.4:8080 weight 100",
                        "[fd00::1]:8080 weight 100")),
                entry("api.shop.80.svc", List.of("10.0.1.1:8081 weight 100", "10.0.1.1:8181 weight 100",
                        "10.0.1.2:8181 weight 100", "[fd00::11]:8081 weight 100")),
                entry("api.shop.grpc.svc", List.of("10.0.1.1:9090 weight 100", "10.0.1.1:9191 weight 100",
                        "10.0.1.2:9191 weight 100", "[fd00::11]:9090 weight 100")),
                entry("empty.shop.80.svc", List.of()),
                entry("repo-only.shop.80.svc", List.of()),
                entry("both.shop.80.svc", List.of("10.0.5.1:8080 weight 100")),
                entry("same.shop.80.svc", List.of("10.0.6.1:8080 weight 100")),
                entry("checkout.pay.https.svc", List.of("10.0.2.1:8443 weight 100")));
    }

    @Test
    void kongServicePortsComeFromTheClustersServicePorts() {
        assertThat(reconcile().exit()).isEqualTo(Main.OK);

        assertThat(kong.store().find("services", "name", "shop.api.grpc").get("port").asInt()).isEqualTo(9000);
        assertThat(kong.store().find("services", "name", "shop.api.80").get("port").asInt()).isEqualTo(80);
        assertThat(kong.store().find("services", "name", "pay.checkout.https").get("port").asInt()).isEqualTo(443);
        assertThat(kong.store().find("services", "name", "shop.web.80").get("host").asText())
                .isEqualTo("web.shop.80.svc");
    }

    @Test
    @DisplayName("with --drain terminating endpoints are kept at weight 0, and a second run adds exactly those")
    void drainKeepsTerminatingEndpointsAtWeightZero() {
        assertThat(reconcile().exit()).isEqualTo(Main.OK);
        int writesBefore = kong.stats().writes();

        ClusterE2e.Run drained = reconcile("--drain");

        assertThat(drained.exit()).as(drained.all()).isEqualTo(Main.OK);
        assertThat(targetsByUpstream(kong).get("web.shop.80.svc")).containsExactly(
                "10.0.0.1:8080 weight 100", "10.0.0.3:8080 weight 0", "10.0.0.4:8080 weight 100",
                "[fd00::1]:8080 weight 100", "[fd00::2]:8080 weight 0");
        assertThat(kong.stats().writes() - writesBefore).as("only the two terminating targets are written")
                .isEqualTo(2);
    }

    @Test
    void theCertificateAndItsSnisComeFromTheClustersSecretWithItsUidAsId() {
        assertThat(reconcile().exit()).isEqualTo(Main.OK);

        List<ObjectNode> certificates = kong.store().all("certificates");
        assertThat(certificates).singleElement().satisfies(c -> {
            assertThat(c.get("id").asText()).isEqualTo(secretUid);
            assertThat(c.get("cert").asText().strip()).isEqualTo(pem("rsa1.crt").strip());
            assertThat(c.get("snis")).extracting(n -> n.asText()).containsExactly("shop.example.test");
        });
        assertThat(kong.store().all("snis")).singleElement()
                .satisfies(s -> assertThat(s.get("certificate").get("id").asText()).isEqualTo(secretUid));
    }

    @Test
    @DisplayName("a TLS Secret also in the repository: the cluster's pair is used, the report names the keys that differ, never their values")
    void theClustersSecretWinsOverTheRepositorysAndNoKeyIsPrinted() {
        String repoKey = pem("rsa8.key");
        repo.write("routing/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: shop-tls
                  namespace: shop
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                """.formatted(pem("rsa8.crt").strip().indent(4).stripTrailing(), repoKey.strip().indent(4).stripTrailing()))
                .commit("a copy of the TLS Secret");

        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
        assertThat(kong.store().all("certificates")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asText()).isEqualTo(secretUid);
            assertThat(c.get("cert").asText().strip()).isEqualTo(pem("rsa1.crt").strip());
        });
        assertThat(run.out()).contains("Secret shop/shop-tls differs between the repository and the cluster in keys "
                + "tls.crt, tls.key (values not shown); the cluster's copy is used");
        assertThat(run.all()).doesNotContain("PRIVATE KEY")
                .doesNotContain(repoKey.strip().lines().skip(1).findFirst().orElseThrow())
                .doesNotContain(pem("rsa1.key").strip().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aServiceWithNoReadyEndpointsKeepsItsUpstreamAndTheReportWarns() {
        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(kong.store().find("upstreams", "name", "empty.shop.80.svc")).isNotNull();
        assertThat(run.out()).contains("WARNING Service shop/empty: no ready endpoints for port 80: upstream "
                + "empty.shop.80.svc has no targets and Kong answers 503 for its routes");
    }

    @Test
    void aServiceOnlyInTheRepositoryIsUsedWithAWarning() {
        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).isEqualTo(Main.OK);
        ObjectNode repoOnly = kong.store().find("services", "name", "shop.repo-only.80");
        assertThat(repoOnly).isNotNull();
        assertThat(repoOnly.get("host").asText()).isEqualTo("repo-only.shop.80.svc");
        assertThat(run.out()).contains("WARNING routing/services.yaml:1 Service shop/repo-only: Service "
                + "shop/repo-only is in the repository but not in the cluster; the repository's copy is used");
    }

    @Test
    @DisplayName("a Service in both places: the cluster's copy wins, and the report says so when konghq.com annotations differ")
    void theClustersServiceWinsAndTheReportSaysSo() {
        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(kong.store().find("services", "name", "shop.both.80").get("read_timeout").asInt())
                .as("the cluster's konghq.com/read-timeout").isEqualTo(5000);
        assertThat(run.out()).contains("Service shop/both differs between the repository and the cluster in "
                + "annotations konghq.com/read-timeout; the cluster's copy is used");
        assertThat(kong.store().find("services", "name", "shop.same.80").get("read_timeout").asInt())
                .isEqualTo(7000);
        assertThat(run.out()).as("identical annotations are not reported").doesNotContain("Service shop/same differs");
    }

    @Test
    void namespaceLabelsFromTheClusterWinOverTheRepositorysAndTheDifferenceIsReported() {
        ClusterE2e.Run run = reconcile();

        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("Namespace shop differs between the repository and the cluster in labels "
                + "gateway-access; the cluster's labels are used");
    }

    @Test
    void aSecondRunAgainstTheSameClusterIsInSyncAndWritesNothing() {
        assertThat(reconcile().exit()).isEqualTo(Main.OK);
        int writes = kong.stats().writes();

        ClusterE2e.Run again = reconcile();

        assertThat(again.exit()).as(again.all()).isEqualTo(Main.OK);
        assertThat(kong.stats().writes()).as("no false drift on cluster-resolved targets and certificates")
                .isEqualTo(writes);
    }

    @Test
    void endpointsThatChangeInTheClusterChangeTheTargetsOnTheNextRun() {
        assertThat(reconcile().exit()).isEqualTo(Main.OK);
        client.discovery().v1().endpointSlices().resource(slice("shop", "both-v4", "both", "IPv4",
                List.of(slicePort("http", 8080)), endpoint("10.0.5.2", true, true, false)))
                .createOr(NonDeletingOperation::update);

        assertThat(reconcile().exit()).isEqualTo(Main.OK);

        assertThat(targetsByUpstream(kong).get("both.shop.80.svc")).containsExactly("10.0.5.2:8080 weight 100");
    }
}
