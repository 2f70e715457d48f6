package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.cluster.ClusterAccessException.Reason;
import io.konggitops.problem.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.konggitops.cluster.ClusterFixtures.namespace;
import static io.konggitops.cluster.ClusterFixtures.port;
import static io.konggitops.cluster.ClusterFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** RBAC denials and API errors, on the mock server in expectations mode. */
@EnableKubernetesMockClient
class KubernetesClusterViewAccessTest {
    KubernetesClient client;
    KubernetesMockServer server;

    private static final String LIMIT = "?limit=500";

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }

    private static Status forbidden(String verb, String resource, String namespace) {
        return status(403, "Forbidden", resource + " is forbidden: User \"system:serviceaccount:kong-gitops:kong-gitops\""
                + " cannot " + verb + " resource \"" + resource + "\" in the namespace \"" + namespace + "\"");
    }

    private void allowEmpty(String namespace) {
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/" + namespace + "/endpointslices" + LIMIT)
                .andReturn(200, new EndpointSliceListBuilder().build()).always();
        server.expect().get().withPath("/api/v1/namespaces" + LIMIT)
                .andReturn(200, new NamespaceListBuilder().addToItems(namespace(namespace, Map.of())).build()).always();
    }

    @Test
    void deniedServiceListNamesVerbResourceNamespaceAndApiServer() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(403, forbidden("list", "services", "shop")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("forbidden: cannot list services in namespace shop "
                        + "(RBAC: grant \"list\" on \"services\" to the job's service account)")
                .hasMessageContaining(client.getConfiguration().getMasterUrl())
                .asInstanceOf(type(ClusterAccessException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.apiServer()).isEqualTo(client.getConfiguration().getMasterUrl());
                });
    }

    @Test
    void deniedEndpointSliceListNamesTheDiscoveryApiGroup() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices" + LIMIT)
                .andReturn(403, forbidden("list", "endpointslices", "shop")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("cannot list endpointslices in namespace shop (RBAC: grant \"list\" on "
                        + "\"endpointslices\" (apiGroup \"discovery.k8s.io\")");
    }

    @Test
    void deniedClusterWideListFallsBackToOneListPerNamespace() {
        server.expect().get().withPath("/api/v1/services" + LIMIT)
                .andReturn(403, forbidden("list", "services", "")).always();
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/endpointslices" + LIMIT)
                .andReturn(403, forbidden("list", "endpointslices", "")).always();
        server.expect().get().withPath("/api/v1/namespaces/a/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().addToItems(service("a", "web", Map.of(),
                        port("http", 80, new IntOrString(8080), "TCP"))).build()).always();
        server.expect().get().withPath("/api/v1/namespaces/b/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        allowEmpty("a");
        allowEmpty("b");

        KubernetesClusterView view = KubernetesClusterView.load(client, ClusterQuery.of(List.of("a", "b"), List.of()));

        assertThat(view.service("a", "web")).isPresent();
        assertThat(view.endpointSlices("a", "web")).isEmpty();
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void deniedSecretGetIsFatalAndNamesTheSecret() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        allowEmpty("shop");
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/web-tls")
                .andReturn(403, forbidden("get", "secrets", "shop")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client,
                ClusterQuery.of(List.of("shop"), List.of(new ClusterQuery.Ref("shop", "web-tls")))))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("forbidden: cannot get secrets \"web-tls\" in namespace shop "
                        + "(RBAC: grant \"get\" on \"secrets\"");
    }

    @Test
    void deniedNamespaceListIsOnlyAWarning() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices" + LIMIT)
                .andReturn(200, new EndpointSliceListBuilder().build()).always();
        server.expect().get().withPath("/api/v1/namespaces" + LIMIT)
                .andReturn(403, status(403, "Forbidden", "namespaces is forbidden")).always();

        KubernetesClusterView view = KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of()));

        assertThat(view.namespace("shop")).isEmpty();
        assertThat(view.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("cannot list namespaces at the cluster scope");
            assertThat(p.hint()).contains("grant \"list\" on \"namespaces\"");
        });
    }

    @Test
    void rejectedCredentialsAreUnauthorized() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(401, status(401, "Unauthorized", "Unauthorized")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("unauthorized: the API server " + client.getConfiguration().getMasterUrl()
                        + " rejected the credentials")
                .asInstanceOf(type(ClusterAccessException.class))
                .extracting(ClusterAccessException::reason).isEqualTo(Reason.UNAUTHORIZED);
    }

    @Test
    void aMissingApiIsAnApiErrorNotAnEmptyAnswer() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().build()).always();
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices" + LIMIT)
                .andReturn(404, status(404, "NotFound", "the server could not find the requested resource")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("API error 404 on list endpointslices in namespace shop")
                .asInstanceOf(type(ClusterAccessException.class))
                .extracting(ClusterAccessException::reason).isEqualTo(Reason.API_ERROR);
    }

    @Test
    void largeListsAreReadPageByPageUntilTheContinueTokenRunsOut() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().withNewMetadata().withContinue("page-2").endMetadata()
                        .addToItems(service("shop", "a", Map.of(), port("http", 80, new IntOrString(80), "TCP")))
                        .build()).always();
        server.expect().get().withPath("/api/v1/namespaces/shop/services?continue=page-2&limit=500")
                .andReturn(200, new ServiceListBuilder()
                        .addToItems(service("shop", "b", Map.of(), port("http", 80, new IntOrString(80), "TCP")))
                        .build()).always();
        allowEmpty("shop");

        KubernetesClusterView view = KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of()));

        assertThat(view.services()).extracting(s -> s.getMetadata().getName()).containsExactly("a", "b");
    }

    @Test
    void aContinueTokenThatExpiredFailsTheWholeReadInsteadOfReturningHalfAList() {
        server.expect().get().withPath("/api/v1/namespaces/shop/services" + LIMIT)
                .andReturn(200, new ServiceListBuilder().withNewMetadata().withContinue("page-2").endMetadata()
                        .addToItems(service("shop", "a", Map.of(), port("http", 80, new IntOrString(80), "TCP")))
                        .build()).always();
        server.expect().get().withPath("/api/v1/namespaces/shop/services?continue=page-2&limit=500")
                .andReturn(410, status(410, "Expired", "The provided continue parameter is too old")).always();

        assertThatThrownBy(() -> KubernetesClusterView.load(client, ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("expired while paging (410 Gone)")
                .hasMessageContaining("list services in namespace shop");
    }
}
