package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTypesTest {

    @Test
    void theKindsWeReadMapToTheirFabric8ClassesByApiVersionAndKind() {
        assertThat(ManifestTypes.classFor("networking.k8s.io/v1", "Ingress")).isEqualTo(Ingress.class);
        assertThat(ManifestTypes.classFor("discovery.k8s.io/v1", "EndpointSlice")).isEqualTo(EndpointSlice.class);
        assertThat(ManifestTypes.classFor("gateway.networking.k8s.io/v1", "HTTPRoute")).isEqualTo(HTTPRoute.class);
        assertThat(ManifestTypes.classFor("configuration.konghq.com/v1", "KongPlugin"))
                .isEqualTo(GenericKubernetesResource.class);
        assertThat(ManifestTypes.classFor("apps/v1", "Deployment")).isEqualTo(HasMetadata.class);
        assertThat(ManifestTypes.classFor("networking.k8s.io/v1beta1", "Ingress")).isEqualTo(HasMetadata.class);
    }

    @Test
    void kindsWeReadInAnyVersionAndKongCrdsAreConvertedWholeOtherKindsAreNot() {
        assertThat(ManifestTypes.isRead("v1", "Service")).isTrue();
        assertThat(ManifestTypes.isRead("networking.k8s.io/v1beta1", "Ingress")).isTrue();
        assertThat(ManifestTypes.isRead("gateway.networking.k8s.io/v1", "ReferenceGrant")).isTrue();
        assertThat(ManifestTypes.isRead("configuration.konghq.com/v1alpha1", "KongService")).isTrue();
        assertThat(ManifestTypes.isRead("v1", "ConfigMap")).isFalse();
        assertThat(ManifestTypes.isRead("apps/v1", "Deployment")).isFalse();
        assertThat(ManifestTypes.isRead("serving.knative.dev/v1", "Service")).isFalse();
    }

    @Test
    void anotherVersionOfAKindWeReadStillComesBackTypedThroughFabric8sRegistry(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), """
                apiVersion: networking.k8s.io/v1beta1
                kind: Ingress
                metadata: {name: old}
                spec: {backend: {serviceName: web, servicePort: 80}}
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: rl, namespace: shop}
                plugin: rate-limiting
                config: {minute: 5}
                """);
        Manifests m = ManifestLoader.loadDirectory(dir, "x");
        assertThat(m.objects()).extracting(o -> (Object) o.object().getClass()).containsExactly(
                io.fabric8.kubernetes.api.model.networking.v1beta1.Ingress.class, GenericKubernetesResource.class);
        assertThat(m.objects().get(0).namespace()).isEqualTo("default");
        GenericKubernetesResource plugin = (GenericKubernetesResource) m.objects().get(1).object();
        assertThat(plugin.getAdditionalProperties()).containsEntry("plugin", "rate-limiting");
    }
}
