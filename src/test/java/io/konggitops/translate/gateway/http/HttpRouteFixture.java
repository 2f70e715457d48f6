package io.konggitops.translate.gateway.http;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.problem.Problem;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates HTTPRoute test manifests through the whole translate stage, with KIC's golden harness in place of
 * admission (every route attaches to the listeners of the Gateways its parentRefs name), in a chosen router flavor and
 * Kong version.
 */
final class HttpRouteFixture {
    static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports: [{name: http, port: 80, targetPort: 8080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              ports: [{name: http, port: 80, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.0.1"]
            - addresses: ["10.0.0.2"]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: api-1
              namespace: shop
              labels: {kubernetes.io/service-name: api}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.1.1"]
            """;

    private final Path dir;

    HttpRouteFixture(Path dir) {
        this.dir = dir;
    }

    Translation traditional(String... docs) {
        return translate(RouterFlavor.TRADITIONAL_COMPATIBLE, "3.9.1", docs);
    }

    Translation expressions(String... docs) {
        return translate(RouterFlavor.EXPRESSIONS, "3.9.1", docs);
    }

    Translation translate(RouterFlavor flavor, String version, String... docs) {
        Manifests m = TestManifests.load(dir, String.join("---\n", docs));
        TranslateOptions options = TranslateOptions.defaults()
                .withTarget(new KongTarget(version, flavor, false))
                .withGateway(new TranslateOptions.GatewayOptions(null, false));
        return Translator.translate(m, ManifestClusterView.endpoints(m), options);
    }

    /** An HTTPRoute in namespace shop whose {@code spec.rules} is {@code rules} (YAML, indented as a list). */
    static String route(String name, String extraSpec, String rules) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: %s, namespace: shop}
                spec:
                %s
                  rules:
                %s
                """.formatted(name, extraSpec.isEmpty() ? "" : extraSpec.indent(2).stripTrailing(),
                rules.indent(2).stripTrailing());
    }

    static List<KongEntity> all(Translation t, EntityType type) {
        return t.desired().of(type).toList();
    }

    static KongEntity named(Translation t, EntityType type, String name) {
        Optional<KongEntity> e = t.desired().of(type).filter(x -> name.equals(x.name())).findFirst();
        return e.orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in "
                + t.desired().of(type).map(KongEntity::name).toList() + "; problems: " + t.problems()));
    }

    /** Plugins whose route (or service) is the entity {@code parent}. */
    static List<KongEntity> pluginsOf(Translation t, KongEntity parent) {
        String field = parent.type() == EntityType.ROUTE ? "route" : "service";
        return t.desired().of(EntityType.PLUGIN)
                .filter(p -> p.get(field) instanceof Map<?, ?> ref && parent.id().equals(ref.get("id"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> tags(KongEntity e) {
        return (List<String>) e.get("tags");
    }

    static List<String> errors(Translation t) {
        return t.problems().stream().filter(Problem::isError).map(Problem::message).toList();
    }
}
