package io.konggitops.translate.gateway;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;

import java.nio.file.Path;
import java.util.List;

/**
 * Gateway API test manifests translated as KIC's harness does (no admission: routes attach to the listeners their
 * parentRefs name), so the translators can be tested before and apart from admission. backendRefs carry
 * {@code kind: Service} as the API server would default it.
 */
public final class GatewayManifests {
    private GatewayManifests() {
    }

    public static Translation translate(Path dir, String yaml, boolean expressions) {
        Manifests m = TestManifests.load(dir, yaml);
        TranslateOptions options = TranslateOptions.defaults()
                .withGateway(new TranslateOptions.GatewayOptions(null, false));
        if (expressions) options = options.withTarget(new KongTarget("3.9.1", RouterFlavor.EXPRESSIONS, false));
        return Translator.translate(m, ManifestClusterView.endpoints(m), options);
    }

    /** A Gateway {@code shop/gw} with the given listeners (YAML list items). */
    public static String gateway(String listeners) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: shop
                spec:
                  gatewayClassName: kong
                  listeners:
                %s
                ---
                """.formatted(listeners.indent(2).stripTrailing());
    }

    /** A Service {@code <ns>/<name>} on port {@code port} with one ready endpoint {@code ip}. */
    public static String service(String ns, String name, int port, String ip) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                  namespace: %2$s
                spec:
                  ports:
                  - name: main
                    port: %3$d
                    targetPort: %3$d
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-1
                  namespace: %2$s
                  labels:
                    kubernetes.io/service-name: %1$s
                addressType: IPv4
                ports:
                - name: main
                  port: %3$d
                endpoints:
                - addresses: ["%4$s"]
                  conditions: {ready: true}
                ---
                """.formatted(name, ns, port, ip);
    }

    public static List<KongEntity> of(Translation t, EntityType type) {
        return t.desired().of(type).toList();
    }

    public static KongEntity named(Translation t, EntityType type, String name) {
        return t.desired().of(type).filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + name + " not in " + t.desired().entities()
                        + "\nproblems: " + t.problems()));
    }
}
