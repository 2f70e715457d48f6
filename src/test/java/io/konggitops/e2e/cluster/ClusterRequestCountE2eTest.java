package io.konggitops.e2e.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.e2e.cluster.ClusterE2e.cli;
import static io.konggitops.e2e.cluster.ClusterE2e.drain;
import static io.konggitops.e2e.cluster.ClusterE2e.endpoint;
import static io.konggitops.e2e.cluster.ClusterE2e.isolatedEnv;
import static io.konggitops.e2e.cluster.ClusterE2e.namespace;
import static io.konggitops.e2e.cluster.ClusterE2e.pathOnly;
import static io.konggitops.e2e.cluster.ClusterE2e.port;
import static io.konggitops.e2e.cluster.ClusterE2e.service;
import static io.konggitops.e2e.cluster.ClusterE2e.slice;
import static io.konggitops.e2e.cluster.ClusterE2e.slicePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 Services in 5 namespaces are resolved through the CLI with a small constant number of list calls per
 * namespace, never one request per Service.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterRequestCountE2eTest {
    private static final List<String> NAMESPACES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final int PER_NAMESPACE = 40;

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path tmp;

    private KongDouble kong;
    private TestRepo repo;
    private Path kubeconfig;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.init(tmp.resolve("repo"));
        for (String ns : NAMESPACES) {
            client.namespaces().resource(namespace(ns, Map.of("team", ns))).createOr(NonDeletingOperation::update);
            StringBuilder paths = new StringBuilder();
            for (int i = 0; i < PER_NAMESPACE; i++) {
                String name = "svc-" + i;
                client.services().resource(service(ns, name, Map.of(), port("http", 80, new IntOrString(8080))))
                        .createOr(NonDeletingOperation::update);
                client.discovery().v1().endpointSlices().resource(slice(ns, name + "-abc", name, "IPv4",
                        List.of(slicePort("http", 8080)), endpoint("10." + (NAMESPACES.indexOf(ns) + 1) + ".0." + i,
                                true, true, false))).createOr(NonDeletingOperation::update);
                paths.append("      - {path: /").append(name).append(", pathType: Prefix, backend: {service: {name: ")
                        .append(name).append(", port: {number: 80}}}}\n");
            }
            repo.write(ns + "/ingress.yaml", """
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata:
                      name: all
                      namespace: %s
                    spec:
                      ingressClassName: kong
                      rules:
                      - host: %s.example.test
                        http:
                          paths:
                    %s""".formatted(ns, ns, paths));
        }
        repo.commit("200 backends");
        kubeconfig = ClusterE2e.kubeconfig(tmp.resolve("kubeconfig"), "mock", client.getConfiguration().getMasterUrl());
        kong = KongDouble.startDefault();
        drain(server);
    }

    @AfterEach
    void tearDown() {
        if (kong != null) kong.close();
        if (repo != null) repo.close();
    }

    private ClusterE2e.Run diff(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("diff", "--repo", repo.dir().toUri().toString(),
                "--endpoints", "cluster", "--kubeconfig", kubeconfig.toString(), "--kong-admin-url", kong.baseUrl()));
        args.addAll(List.of(extra));
        return cli(isolatedEnv(tmp.resolve("home")), args.toArray(String[]::new));
    }

    @Test
    void twoHundredServicesAreResolvedWithThreeClusterWideListCalls() throws Exception {
        ClusterE2e.Run run = diff();
        List<RecordedRequest> requests = drain(server);

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.DRIFT);
        assertThat(run.out()).as("200 services, routes, upstreams and targets")
                .contains("Plan: 800 to create, 0 to update, 0 to delete");
        assertThat(run.out()).contains("10.3.0.7:8080").doesNotContain("no ready endpoints");
        assertThat(requests).extracting(RecordedRequest::getMethod).containsOnly("GET");
        assertThat(requests).extracting(ClusterE2e::pathOnly)
                .containsExactly("/api/v1/services", "/apis/discovery.k8s.io/v1/endpointslices", "/api/v1/namespaces");
        assertThat(kong.stats().writes()).as("diff never writes").isZero();
    }

    @Test
    void withNamespacesSetEachNamespaceCostsAConstantNumberOfCallsNotOnePerService() throws Exception {
        ClusterE2e.Run run = diff("--namespaces", String.join(",", NAMESPACES));
        List<RecordedRequest> requests = drain(server);

        assertThat(run.exit()).as(run.all()).isEqualTo(Main.DRIFT);
        assertThat(requests).as("services list, endpointslices list and namespace get, per namespace")
                .hasSize(3 * NAMESPACES.size());
        for (String ns : NAMESPACES) {
            assertThat(requests).extracting(ClusterE2e::pathOnly).containsOnlyOnce(
                    "/api/v1/namespaces/" + ns + "/services",
                    "/apis/discovery.k8s.io/v1/namespaces/" + ns + "/endpointslices",
                    "/api/v1/namespaces/" + ns);
        }
        assertThat(requests).extracting(ClusterE2e::pathOnly)
                .noneMatch(p -> p.matches("/api/v1/namespaces/[^/]+/services/.+"))
                .noneMatch(p -> p.matches(".*/endpointslices/.+"));
    }
}
