package io.konggitops.cluster;

import io.konggitops.source.ManifestLoader;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterQueryTest {
    @TempDir
    Path repo;

    private static final String MANIFESTS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              ingressClassName: kong
              tls: [{hosts: [shop.example.com], secretName: web-tls}]
              rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix,
                backend: {service: {name: web, port: {number: 80}}}}]}}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: checkout
              namespace: pay
              annotations: {konghq.com/client-cert: client-tls, konghq.com/ca-certificates-secrets: "ca-1, ca-2"}
            spec: {ports: [{port: 443}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: kong
              listeners:
              - name: https
                port: 443
                protocol: HTTPS
                tls:
                  certificateRefs:
                  - {name: gw-cert}
                  - {name: shared-cert, namespace: certs}
                  - {kind: ConfigMap, group: "", name: not-a-secret}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: apps}
            spec:
              parentRefs: [{name: gw, namespace: infra}]
              rules: [{backendRefs: [{name: svc, namespace: backend-ns, port: 80}, {name: local, port: 80}]}]
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: limits, namespace: shop}
            plugin: rate-limiting
            configFrom: {secretKeyRef: {name: rate-limit-config, key: config}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: {name: auth}
            plugin: openid-connect
            configFrom: {secretKeyRef: {name: oidc, namespace: kong, key: config}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongConsumer
            metadata: {name: alice, namespace: shop}
            username: alice
            credentials: [alice-key]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: repo-secret}
            stringData: {a: b}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: kong}
            spec: {controller: ingress-controllers.konghq.com/kong}
            """;

    private Manifests load() throws IOException {
        Files.writeString(repo.resolve("all.yaml"), MANIFESTS);
        Manifests manifests = ManifestLoader.loadDirectory(repo, "local");
        assertThat(manifests.problems()).isEmpty();
        return manifests;
    }

    @Test
    void namespacesComeFromEveryNamespacedObjectAndCrossNamespaceReferences() throws IOException {
        ClusterQuery query = ClusterQuery.from(load());

        assertThat(query.sortedNamespaces())
                .as("objects without a namespace are in default; IngressClass and KongClusterPlugin have none")
                .containsExactly("apps", "backend-ns", "certs", "default", "infra", "kong", "pay", "shop");
    }

    @Test
    void referencedSecretsAreCollectedFromEveryKindThatNamesThem() throws IOException {
        ClusterQuery query = ClusterQuery.from(load());

        assertThat(query.sortedSecrets()).extracting(ClusterQuery.Ref::toString).containsExactly(
                "certs/shared-cert",
                "default/repo-secret",
                "infra/gw-cert",
                "kong/oidc",
                "pay/ca-1", "pay/ca-2", "pay/client-tls",
                "shop/alice-key", "shop/rate-limit-config", "shop/web-tls");
    }

    @Test
    void aQueryOfSecretsAlsoReadsTheirNamespaces() {
        ClusterQuery query = ClusterQuery.of(java.util.List.of("a"), java.util.List.of(new ClusterQuery.Ref("b", "s")));
        assertThat(query.sortedNamespaces()).containsExactly("a", "b");
        assertThat(new ClusterQuery.Ref("", "x").namespace()).isEqualTo("default");
    }
}
