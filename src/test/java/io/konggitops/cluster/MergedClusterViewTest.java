package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestLoader;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.cluster.ClusterFixtures.endpoint;
import static io.konggitops.cluster.ClusterFixtures.namespace;
import static io.konggitops.cluster.ClusterFixtures.port;
import static io.konggitops.cluster.ClusterFixtures.service;
import static io.konggitops.cluster.ClusterFixtures.slice;
import static io.konggitops.cluster.ClusterFixtures.slicePort;
import static io.konggitops.cluster.ClusterFixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class MergedClusterViewTest {
    KubernetesClient client;

    @TempDir
    Path repo;

    private static final String ROUTING = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              tls: [{hosts: [shop.example.com], secretName: web-tls}]
              rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix,
                backend: {service: {name: web, port: {number: 80}}}}]}}]
            """;
    private static final String BACKENDS = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              annotations: {konghq.com/path: /v1, konghq.com/protocol: http, konghq.com/retries: "3", team: a}
            spec: {ports: [{name: http, port: 80, targetPort: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: new-svc, namespace: shop}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: new-svc-abc, namespace: shop, labels: {kubernetes.io/service-name: new-svc}}
            addressType: IPv4
            endpoints: [{addresses: [10.9.9.9]}]
            ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-tls, namespace: shop}
            type: kubernetes.io/tls
            stringData: {tls.crt: cert, tls.key: repo-private-key-value}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: repo-only, namespace: shop}
            stringData: {token: repo-only-token-value}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: other}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: fresh, labels: {team: new}}
            """;

    private MergedClusterView view;
    private Manifests manifests;

    @BeforeEach
    void setUp() throws IOException {
        client.namespaces().resource(namespace("shop", Map.of("team", "shop"))).createOr(NonDeletingOperation::update);
        client.services().resource(service("shop", "web", Map.of("konghq.com/path", "/v2",
                "konghq.com/protocol", "http", "team", "b"), port("http", 80, new IntOrString(8080), "TCP"))).createOr(NonDeletingOperation::update);
        client.services().resource(service("shop", "api", Map.of(), port("http", 80, new IntOrString(8080), "TCP"))).createOr(NonDeletingOperation::update);
        client.discovery().v1().endpointSlices().resource(slice("shop", "web-1", "web", "IPv4",
                List.of(slicePort("http", 8080, "TCP")), endpoint("10.0.0.1", true, true, false))).createOr(NonDeletingOperation::update);
        client.secrets().resource(tlsSecret("shop", "web-tls")).createOr(NonDeletingOperation::update); // tls.crt = "cert", tls.key = "key"

        Files.writeString(repo.resolve("routing.yaml"), ROUTING);
        Files.writeString(repo.resolve("backends.yaml"), BACKENDS);
        manifests = ManifestLoader.loadDirectory(repo, "local");
        KubernetesClusterView cluster = KubernetesClusterView.load(client, ClusterQuery.from(manifests));
        view = MergedClusterView.of(manifests, cluster);
    }

    private Problem problemAbout(String object) {
        return view.problems().stream().filter(p -> p.object().toString().equals(object)).findFirst().orElseThrow();
    }

    @Test
    void theClustersServiceWinsAndDifferingKongAnnotationsAreNamed() {
        assertThat(view.service("shop", "web")).hasValueSatisfying(s ->
                assertThat(s.getMetadata().getAnnotations()).containsEntry("konghq.com/path", "/v2"));
        assertThat(view.endpointSlices("shop", "web")).singleElement();

        Problem p = problemAbout("Service shop/web");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).contains("annotations konghq.com/path, konghq.com/retries;")
                .contains("the cluster's copy is used").doesNotContain("team");
        assertThat(p.origin()).isEqualTo(Origin.of("backends.yaml", 1));
    }

    @Test
    void aServiceOnlyInTheRepositoryIsUsedWithoutEndpointsAndWithAWarning() {
        assertThat(view.service("shop", "new-svc")).isPresent();
        assertThat(view.endpointSlices("shop", "new-svc")).as("endpoints come from the cluster only").isEmpty();
        assertThat(problemAbout("Service shop/new-svc")).satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("not in the cluster").contains("no endpoints");
        });
        assertThat(problemAbout("EndpointSlice shop/new-svc-abc").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void secretsComeFromTheClusterAndDifferencesNeverShowValues() {
        assertThat(view.secret("shop", "web-tls")).hasValueSatisfying(s ->
                assertThat(s.getData()).containsEntry("tls.key", "a2V5"));
        assertThat(problemAbout("Secret shop/web-tls")).satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.INFO);
            assertThat(p.message()).contains("in keys tls.key (values not shown)");
        });
        assertThat(view.secret("shop", "repo-only")).isPresent();
        assertThat(problemAbout("Secret shop/repo-only").severity()).isEqualTo(Severity.WARNING);
        assertThat(view.problems()).extracting(Problem::toString)
                .noneMatch(s -> s.contains("repo-private-key-value") || s.contains("repo-only-token-value")
                        || s.contains("a2V5"));
    }

    @Test
    void namespaceLabelsComeFromTheClusterAndRepositoryOnlyNamespacesStillResolve() {
        assertThat(view.namespace("shop")).hasValueSatisfying(ns ->
                assertThat(ns.getMetadata().getLabels()).containsEntry("team", "shop"));
        assertThat(problemAbout("Namespace shop").message()).contains("in labels team;");
        assertThat(view.namespace("fresh")).hasValueSatisfying(ns ->
                assertThat(ns.getMetadata().getLabels()).containsEntry("team", "new"));
        assertThat(problemAbout("Namespace fresh").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void originsAreTheRepositoryFilesAndLines() {
        assertThat(view.originOf("Ingress", "shop", "web")).contains(Origin.of("routing.yaml", 1));
        assertThat(view.originOf("Service", "shop", "new-svc")).contains(Origin.of("backends.yaml", 9));
        assertThat(view.originOf("Service", "shop", "api")).as("only in the cluster").isEmpty();
        assertThat(view.targetMode()).isEqualTo(ClusterView.TargetMode.ENDPOINTS);
    }

    @Test
    void aRepositoryServiceInANamespaceNotReadSaysSo() {
        MergedClusterView merged = MergedClusterView.load(manifests, client, java.util.Set.of("elsewhere"));

        assertThat(merged.service("shop", "web")).as("the repository's copy")
                .hasValueSatisfying(s -> assertThat(s.getMetadata().getAnnotations())
                        .containsEntry("konghq.com/path", "/v1"));
        assertThat(merged.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("WARNING Namespace shop: namespace shop is referenced by the manifests "
                        + "but is outside --namespaces elsewhere"))
                .anyMatch(p -> p.contains("Service shop/web: Service shop/web is in the repository but in a "
                        + "namespace outside --namespaces"));
    }
}
