package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
    void otherKindsStillComeBackTypedThroughFabric8sRegistry(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: rl, namespace: shop}
                plugin: rate-limiting
                config: {minute: 5}
                """);
        Manifests m = ManifestLoader.loadDirectory(dir, "x");
        assertThat(m.objects()).extracting(o -> (Object) o.object().getClass())
                .containsExactly(Deployment.class, GenericKubernetesResource.class);
        GenericKubernetesResource plugin = (GenericKubernetesResource) m.objects().get(1).object();
        assertThat(plugin.getAdditionalProperties()).containsEntry("plugin", "rate-limiting");
    }
}
