package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class OtherKindsTest {
    @TempDir
    Path dir;

    @Test
    void objectsOfKindsWeDoNotReadKeepOnlyTheirHeaderAndGetTheNamespaceKubectlWouldGiveThem() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {app: web}}
                spec: {replicas: 3, template: {spec: {containers: [{name: web, image: nginx}]}}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {big: "a lot of text"}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader}
                rules: []
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web-tls}
                spec: {secretName: web-tls}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec: {podSelector: {}}
                """);
        Manifests m = ManifestLoader.loadDirectory(dir, "x");
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(o -> o.ref().toString()).containsExactly("Deployment default/web",
                "ConfigMap default/settings", "ClusterRole reader", "Certificate web-tls", "NetworkPolicy shop/deny");
        assertThat(m.objects()).allSatisfy(o -> {
            assertThat(o.object()).isInstanceOf(GenericKubernetesResource.class);
            assertThat(((GenericKubernetesResource) o.object()).getAdditionalProperties()).isEmpty();
        });
        HasMetadata deployment = m.objects().get(0).object();
        assertThat(deployment.getApiVersion()).isEqualTo("apps/v1");
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app", "web");
        assertThat(m.objects().get(3).object().getMetadata().getNamespace()).isNull();
    }

    @Test
    void aBuiltInKindWhoseScopeIsNotInTheTableIsConvertedByFabric8AsBefore() throws Exception {
        Files.writeString(dir.resolve("rev.yaml"), """
                apiVersion: apps/v1
                kind: ControllerRevision
                metadata: {name: web-1}
                revision: 1
                """);
        Manifests m = ManifestLoader.loadDirectory(dir, "x");
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).singleElement().satisfies(o -> {
            assertThat(o.object()).isInstanceOf(ControllerRevision.class);
            assertThat(o.namespace()).isEqualTo("default");
        });
    }

    @Test
    void theSameDeploymentTwiceIsStillAnErrorNamingBothPlaces() throws Exception {
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n";
        Files.writeString(dir.resolve("a.yaml"), deployment);
        Files.writeString(dir.resolve("b.yaml"), deployment.replace("{name: web}", "{name: web, namespace: default}"));
        Manifests m = ManifestLoader.loadDirectory(dir, "x");
        assertThat(m.objects()).hasSize(1);
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("defined twice", "a.yaml:1", "b.yaml:1");
        });
    }

    @Test
    void everyModelFabric8ShipsIsInABuiltInGroupSoOtherGroupsHaveNoModelToConsult() throws Exception {
        List<URL> lists = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource"));
        assertThat(lists).isNotEmpty();
        Set<String> groups = new TreeSet<>();
        List<String> outside = new ArrayList<>();
        for (URL url : lists) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String name = line.replaceAll("#.*", "").trim();
                    if (name.isEmpty()) continue;
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    if (!HasMetadata.class.isAssignableFrom(c)) continue;
                    @SuppressWarnings("unchecked")
                    String group = HasMetadata.getGroup((Class<? extends HasMetadata>) c);
                    if (group == null) continue;
                    groups.add(group);
                    if (!OtherKinds.isBuiltInGroup(group) && !KnownKinds.READ_GROUPS.contains(group)) {
                        outside.add(name + " (" + group + ")");
                    }
                }
            }
        }
        assertThat(groups).contains("apps", "batch", "rbac.authorization.k8s.io");
        assertThat(outside).isEmpty();
    }
}
