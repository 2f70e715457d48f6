package io.konggitops.cluster;

import io.konggitops.problem.Origin;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestClusterViewTest {
    @TempDir
    Path dir;

    private static final String YAML = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1]}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: unlabelled, namespace: shop}
            addressType: IPv4
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: tls, namespace: shop}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    @Test
    void findsServicesSecretsNamespacesAndSlicesByServiceLabel() {
        Manifests m = TestManifests.load(dir, YAML);
        ManifestClusterView view = ManifestClusterView.endpoints(m);
        assertThat(view.targetMode()).isEqualTo(ClusterView.TargetMode.ENDPOINTS);
        assertThat(view.service("shop", "web")).isPresent();
        assertThat(view.service("other", "web")).isEmpty();
        assertThat(view.secret("shop", "tls")).isPresent();
        assertThat(view.namespace("shop")).isPresent();
        assertThat(view.endpointSlices("shop", "web")).extracting(s -> s.getMetadata().getName())
                .containsExactly("web-1");
        assertThat(view.endpointSlices("shop", "nothing")).isEmpty();
    }

    @Test
    void originIsTheManifestFileAndLine() {
        ManifestClusterView view = ManifestClusterView.endpoints(TestManifests.load(dir, YAML));
        assertThat(view.originOf("Service", "shop", "web")).contains(Origin.of("in.yaml", 1));
        assertThat(view.originOf("Secret", "shop", "tls")).contains(Origin.of("in.yaml", 21));
        assertThat(view.originOf("Service", "shop", "none")).isEmpty();
    }

    @Test
    void serviceDnsModeHasNoEndpointSlices() {
        ClusterView view = ManifestClusterView.serviceDns(TestManifests.load(dir, YAML));
        assertThat(view).isInstanceOf(ServiceDnsClusterView.class);
        assertThat(view.targetMode()).isEqualTo(ClusterView.TargetMode.SERVICE_DNS);
        assertThat(view.endpointSlices("shop", "web")).isEmpty();
        assertThat(view.service("shop", "web")).isPresent();
    }
}
