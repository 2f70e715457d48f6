package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.konggitops.cluster.ClusterFixtures.endpoint;
import static io.konggitops.cluster.ClusterFixtures.namespace;
import static io.konggitops.cluster.ClusterFixtures.port;
import static io.konggitops.cluster.ClusterFixtures.service;
import static io.konggitops.cluster.ClusterFixtures.slice;
import static io.konggitops.cluster.ClusterFixtures.slicePort;
import static io.konggitops.cluster.ClusterFixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubernetesClusterViewTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @BeforeEach
    void seed() {
        client.namespaces().resource(namespace("shop", Map.of("team", "shop", "gateway-access", "yes"))).createOr(NonDeletingOperation::update);
        client.namespaces().resource(namespace("pay", Map.of("team", "pay"))).createOr(NonDeletingOperation::update);

        client.services().resource(service("shop", "web", Map.of("konghq.com/path", "/web"),
                port("http", 80, new IntOrString(8080), "TCP"))).createOr(NonDeletingOperation::update);
        client.services().resource(service("shop", "api", Map.of(),
                port("http", 80, new IntOrString("http-alt"), "TCP"),
                port("grpc", 9000, new IntOrString("grpc"), "TCP"))).createOr(NonDeletingOperation::update);
        client.services().resource(service("pay", "checkout", Map.of("konghq.com/client-cert", "client-tls",
                "konghq.com/protocol", "https"), port("https", 443, new IntOrString(8443), "TCP"))).createOr(NonDeletingOperation::update);

        var slices = client.discovery().v1().endpointSlices();
        slices.resource(slice("shop", "web-v4", "web", "IPv4", List.of(slicePort("http", 8080, "TCP")),
                endpoint("10.0.0.1", true, true, false),
                endpoint("10.0.0.2", false, false, false),
                endpoint("10.0.0.3", false, true, true),
                endpoint("10.0.0.4", null, null, null))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "web-v6", "web", "IPv6", List.of(slicePort("http", 8080, "TCP")),
                endpoint("fd00::1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("shop", "api-x", "api", "IPv4",
                List.of(slicePort("http", 8081, "TCP"), slicePort("grpc", 9090, "TCP")),
                endpoint("10.0.1.1", true, true, false))).createOr(NonDeletingOperation::update);
        slices.resource(slice("pay", "checkout-x", "checkout", "IPv4", List.of(slicePort("https", 8443, "TCP")),
                endpoint("10.0.2.1", true, true, false))).createOr(NonDeletingOperation::update);

        client.secrets().resource(tlsSecret("shop", "web-tls")).createOr(NonDeletingOperation::update);
        client.secrets().resource(tlsSecret("shop", "not-referenced")).createOr(NonDeletingOperation::update);
        client.secrets().resource(tlsSecret("pay", "client-tls")).createOr(NonDeletingOperation::update);
    }

    private static ClusterQuery shopAndPay() {
        return ClusterQuery.of(List.of("shop", "pay"), List.of(new ClusterQuery.Ref("shop", "web-tls")));
    }

    @Test
    void servicesWithNumericNamedAndMultiplePortsAreReturnedAsInTheCluster() {
        KubernetesClusterView view = KubernetesClusterView.load(client, shopAndPay());

        Service web = view.service("shop", "web").orElseThrow();
        assertThat(web.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(80);
            assertThat(p.getTargetPort().getIntVal()).isEqualTo(8080);
        });
        assertThat(web.getMetadata().getAnnotations()).containsEntry("konghq.com/path", "/web");
        Service api = view.service("shop", "api").orElseThrow();
        assertThat(api.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getTargetPort().getStrVal())
                .containsExactly("http:http-alt", "grpc:grpc");
        assertThat(view.service("shop", "missing")).isEmpty();
        assertThat(view.service("pay", "checkout")).isPresent();
        assertThat(view.targetMode()).isEqualTo(ClusterView.TargetMode.ENDPOINTS);
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void endpointSlicesKeepConditionsAddressTypesAndPortsFaithfully() {
        KubernetesClusterView view = KubernetesClusterView.load(client, shopAndPay());

        List<EndpointSlice> web = view.endpointSlices("shop", "web");
        assertThat(web).extracting(s -> s.getMetadata().getName()).containsExactly("web-v4", "web-v6");
        EndpointSlice v4 = web.get(0);
        assertThat(v4.getAddressType()).isEqualTo("IPv4");
        assertThat(v4.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getPort()).isEqualTo(8080);
            assertThat(p.getProtocol()).isEqualTo("TCP");
        });
        assertThat(v4.getEndpoints()).extracting(e -> e.getAddresses().get(0) + " ready=" + e.getConditions().getReady()
                        + " serving=" + e.getConditions().getServing()
                        + " terminating=" + e.getConditions().getTerminating())
                .containsExactly("10.0.0.1 ready=true serving=true terminating=false",
                        "10.0.0.2 ready=false serving=false terminating=false",
                        "10.0.0.3 ready=false serving=true terminating=true",
                        "10.0.0.4 ready=null serving=null terminating=null");
        assertThat(web.get(1).getAddressType()).isEqualTo("IPv6");
        assertThat(web.get(1).getEndpoints().get(0).getAddresses()).containsExactly("fd00::1");

        assertThat(view.endpointSlices("shop", "api")).singleElement()
                .satisfies(s -> assertThat(s.getPorts()).extracting(p -> p.getName() + "/" + p.getPort())
                        .containsExactly("http/8081", "grpc/9090"));
        assertThat(view.endpointSlices("shop", "no-such-service")).isEmpty();
    }

    @Test
    void onlyReferencedSecretsAreReadIncludingThoseNamedByServiceAnnotations() {
        KubernetesClusterView view = KubernetesClusterView.load(client, shopAndPay());

        assertThat(view.secret("shop", "web-tls")).hasValueSatisfying(s -> {
            assertThat(s.getType()).isEqualTo("kubernetes.io/tls");
            assertThat(s.getData()).containsKeys("tls.crt", "tls.key");
        });
        assertThat(view.secret("pay", "client-tls"))
                .as("named by konghq.com/client-cert on the cluster's Service").isPresent();
        assertThat(view.secret("shop", "not-referenced")).isEmpty();
    }

    @Test
    void namespaceLabelsAreAvailableForAllowedRoutesSelectors() {
        KubernetesClusterView view = KubernetesClusterView.load(client, shopAndPay());

        assertThat(view.namespace("shop")).hasValueSatisfying(ns -> assertThat(ns.getMetadata().getLabels())
                .containsEntry("team", "shop").containsEntry("gateway-access", "yes"));
        assertThat(view.namespace("pay")).isPresent();
        assertThat(view.namespace("nowhere")).isEmpty();
    }

    @Test
    void namespacesRestrictionReadsOnlyThoseNamespacesAndWarnsAboutTheOthers() {
        KubernetesClusterView view = KubernetesClusterView.load(client, shopAndPay(), Set.of("shop"), null);

        assertThat(view.namespacesRead()).containsExactly("shop");
        assertThat(view.service("shop", "web")).isPresent();
        assertThat(view.service("pay", "checkout")).isEmpty();
        assertThat(view.secret("pay", "client-tls")).isEmpty();
        assertThat(view.namespace("shop")).isPresent();
        assertThat(view.namespace("pay")).isEmpty();
        assertThat(view.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.object().toString()).isEqualTo("Namespace pay");
            assertThat(p.message()).contains("outside --namespaces shop");
        });
    }

    @Test
    void twoHundredServicesInFiveNamespacesAreReadWithAFewListCallsNotOnePerService() throws Exception {
        List<String> namespaces = List.of("n1", "n2", "n3", "n4", "n5");
        for (String ns : namespaces) {
            client.namespaces().resource(namespace(ns, Map.of())).createOr(NonDeletingOperation::update);
            for (int i = 0; i < 40; i++) {
                client.services().resource(service(ns, "svc-" + i, Map.of(),
                        port("http", 80, new IntOrString(8080), "TCP"))).createOr(NonDeletingOperation::update);
                client.discovery().v1().endpointSlices().resource(slice(ns, "svc-" + i + "-abc", "svc-" + i, "IPv4",
                        List.of(slicePort("http", 8080, "TCP")), endpoint("10.1.0." + i, true, true, false))).createOr(NonDeletingOperation::update);
            }
        }
        ClusterQuery query = ClusterQuery.of(namespaces, List.of());

        drain();
        KubernetesClusterView clusterWide = KubernetesClusterView.load(client, query);
        List<RecordedRequest> wide = drain();

        assertThat(namespaces.stream().mapToLong(ns -> clusterWide.services().stream()
                .filter(s -> s.getMetadata().getNamespace().equals(ns)).count()).sum()).isEqualTo(200);
        assertThat(clusterWide.endpointSlices("n3", "svc-17")).singleElement();
        assertThat(wide).extracting(RecordedRequest::getMethod).containsOnly("GET");
        assertThat(wide).extracting(r -> r.getPath().replaceAll("\\?.*", ""))
                .containsExactly("/api/v1/services", "/apis/discovery.k8s.io/v1/endpointslices", "/api/v1/namespaces");

        KubernetesClusterView perNamespace = KubernetesClusterView.load(client, query, Set.copyOf(namespaces), null);
        List<RecordedRequest> restricted = drain();

        assertThat(perNamespace.services()).hasSize(200);
        assertThat(restricted).as("services + endpointslices lists and a namespace get, per namespace")
                .hasSize(3 * namespaces.size());
        assertThat(restricted).extracting(RecordedRequest::getPath)
                .noneMatch(p -> p.matches("/api/v1/namespaces/[^/]+/services/.+"));
    }

    /** Takes every request the mock server has recorded so far. */
    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    @Test
    void problemsNameTheirObjects() {
        KubernetesClusterView view = KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop", "ghost"),
                List.of()), Set.of("ghost"), null);
        assertThat(view.problems()).extracting(Problem::object).extracting(Object::toString)
                .containsExactly("Namespace shop");
        assertThat(view.service("shop", "web")).isEmpty();
    }
}
