package io.konggitops.translate.gateway;

import io.konggitops.cluster.ClusterView;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.problem.Problem;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.GatewayStatus;
import io.konggitops.translate.gateway.status.ListenerStatus;
import io.konggitops.translate.gateway.status.RouteParentStatus;
import io.konggitops.translate.gateway.status.RouteStatus;

import java.nio.file.Path;
import java.util.List;

/** Runs admission on YAML and reads its result. */
final class AdmissionFixture {
    static final String CLASS = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: kong
            spec:
              controllerName: konghq.com/kic-gateway-controller
            ---
            """;

    final Manifests manifests;
    final GatewayRoutes result;
    final List<Problem> problems;

    private AdmissionFixture(Manifests manifests, GatewayRoutes result, List<Problem> problems) {
        this.manifests = manifests;
        this.result = result;
        this.problems = problems;
    }

    static AdmissionFixture admit(Path dir, String yaml) {
        Manifests m = TestManifests.load(dir, yaml);
        return admit(m, ManifestClusterView.endpoints(m));
    }

    static AdmissionFixture admit(Manifests m, ClusterView view) {
        Diagnostics diag = new Diagnostics(view);
        GatewayRoutes r = GatewayAdmission.admit(m, view, TranslateOptions.defaults(), diag);
        return new AdmissionFixture(m, r, diag.problems());
    }

    AttachedRoute route(String name) {
        return result.routes().stream().filter(r -> r.route().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("route " + name + " not accepted; problems: " + problems));
    }

    boolean accepted(String name) {
        return result.routes().stream().anyMatch(r -> r.route().name().equals(name));
    }

    RouteStatus routeStatus(String name) {
        return result.status().routes().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for route " + name));
    }

    /** The condition of a type on the route's only (or first) parent. */
    Condition parentCondition(String route, String type) {
        return condition(routeStatus(route).parents().get(0).conditions(), type);
    }

    Condition parentCondition(String route, int parent, String type) {
        RouteParentStatus p = routeStatus(route).parents().get(parent);
        return condition(p.conditions(), type);
    }

    GatewayStatus gatewayStatus(String name) {
        return result.status().gateways().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for gateway " + name));
    }

    ListenerStatus listener(String gateway, String listener) {
        return gatewayStatus(gateway).listeners().stream().filter(l -> l.name().equals(listener)).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + listener));
    }

    static Condition condition(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
    }

    static String gateway(String name, String namespace, String listeners) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  gatewayClassName: kong
                  listeners:
                %s
                ---
                """.formatted(name, namespace, listeners.indent(2).stripTrailing());
    }

    static String httpRoute(String name, String namespace, String parentRefs, String hostnames, String backend) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  parentRefs:
                %s
                  hostnames: %s
                  rules:
                  - backendRefs:
                    - name: %s
                      port: 80
                ---
                """.formatted(name, namespace, parentRefs.indent(2).stripTrailing(), hostnames, backend);
    }

    static String service(String name, String namespace) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  ports:
                  - port: 80
                ---
                """.formatted(name, namespace);
    }
}
