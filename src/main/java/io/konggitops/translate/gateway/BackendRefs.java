package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.gateway.status.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * The backendRefs of a route: which a translator may use (KIC's translator rule) and the route's
 * {@code ResolvedRefs} condition (gateway-api.md §2.7).
 *
 * <p>Who reports what: admission reports a backendRef of an unsupported kind ({@code InvalidKind}) and one in another
 * namespace without a ReferenceGrant ({@code RefNotPermitted}); translators leave those backends out
 * ({@link #permitted}) without reporting them again. A Service that does not exist ({@code BackendNotFound}) only sets
 * the condition here: translators report it as they do for Ingress backends.
 */
public final class BackendRefs {
    private BackendRefs() {
    }

    /** One {@code backendRefs[]} entry, with where it is ({@code spec.rules[0].backendRefs[1]}). */
    public record Ref(String field, String group, String kind, String namespace, String name) {
    }

    /**
     * KIC's translator rule ({@code translate_utils.go}, {@code IsBackendRefGroupKindSupported}): the backend must be
     * a {@code Service} of the core group ({@code ""} or {@code core}; a missing kind is not supported, which is why
     * admission applies the CRD defaults first) and, in another namespace than the route, a ReferenceGrant there must
     * allow the route's kind from the route's namespace.
     */
    public static boolean permitted(ManifestObject route, RouteKind routeKind, String group, String kind,
                                    String namespace, String name, ReferenceGrants grants) {
        if (!supportedKind(group, kind)) return false;
        String ns = namespace == null || namespace.isEmpty() ? route.namespace() : namespace;
        return ns.equals(route.namespace())
                || grants.allows(RouteKind.GROUP, routeKind.kind(), route.namespace(), "", "Service", ns, name);
    }

    static boolean supportedKind(String group, String kind) {
        return "Service".equals(kind) && (group == null || group.isEmpty() || group.equals("core"));
    }

    /** Every backendRef of the route's rules, in order. */
    public static List<Ref> of(RouteKind kind, HasMetadata route) {
        List<Ref> out = new ArrayList<>();
        switch (kind) {
            case HTTP_ROUTE -> {
                HTTPRoute r = (HTTPRoute) route;
                List<HTTPRouteRule> rules = r.getSpec() == null || r.getSpec().getRules() == null ? List.of()
                        : r.getSpec().getRules();
                for (int i = 0; i < rules.size(); i++) {
                    List<HTTPBackendRef> refs = rules.get(i).getBackendRefs();
                    for (int j = 0; refs != null && j < refs.size(); j++) {
                        HTTPBackendRef b = refs.get(j);
                        out.add(new Ref(field(i, j), b.getGroup(), b.getKind(), b.getNamespace(), b.getName()));
                    }
                }
            }
            case GRPC_ROUTE -> {
                GRPCRoute r = (GRPCRoute) route;
                List<GRPCRouteRule> rules = r.getSpec() == null || r.getSpec().getRules() == null ? List.of()
                        : r.getSpec().getRules();
                for (int i = 0; i < rules.size(); i++) {
                    List<GRPCBackendRef> refs = rules.get(i).getBackendRefs();
                    for (int j = 0; refs != null && j < refs.size(); j++) {
                        GRPCBackendRef b = refs.get(j);
                        out.add(new Ref(field(i, j), b.getGroup(), b.getKind(), b.getNamespace(), b.getName()));
                    }
                }
            }
            case TCP_ROUTE -> {
                TCPRoute r = (TCPRoute) route;
                if (r.getSpec() != null && r.getSpec().getRules() != null) {
                    for (int i = 0; i < r.getSpec().getRules().size(); i++) {
                        plain(out, i, r.getSpec().getRules().get(i).getBackendRefs());
                    }
                }
            }
            case UDP_ROUTE -> {
                UDPRoute r = (UDPRoute) route;
                if (r.getSpec() != null && r.getSpec().getRules() != null) {
                    for (int i = 0; i < r.getSpec().getRules().size(); i++) {
                        plain(out, i, r.getSpec().getRules().get(i).getBackendRefs());
                    }
                }
            }
            case TLS_ROUTE -> {
                TLSRoute r = (TLSRoute) route;
                if (r.getSpec() != null && r.getSpec().getRules() != null) {
                    for (int i = 0; i < r.getSpec().getRules().size(); i++) {
                        plain(out, i, r.getSpec().getRules().get(i).getBackendRefs());
                    }
                }
            }
        }
        return out;
    }

    private static void plain(List<Ref> out, int rule, List<BackendRef> refs) {
        for (int j = 0; refs != null && j < refs.size(); j++) {
            BackendRef b = refs.get(j);
            out.add(new Ref(field(rule, j), b.getGroup(), b.getKind(), b.getNamespace(), b.getName()));
        }
    }

    private static String field(int rule, int ref) {
        return "spec.rules[" + rule + "].backendRefs[" + ref + "]";
    }

    /**
     * The route's {@code ResolvedRefs} condition: True, or False with the reason of the first bad backendRef
     * ({@code InvalidKind}, {@code RefNotPermitted}, {@code BackendNotFound}) and every bad one in the message. A
     * Service without endpoints is resolved. Reports the InvalidKind and RefNotPermitted problems (see the class
     * comment).
     */
    static Condition resolvedRefs(ManifestObject route, RouteKind kind, ClusterView view, ReferenceGrants grants,
                                  Diagnostics diag) {
        String reason = null;
        List<String> messages = new ArrayList<>();
        for (Ref b : of(kind, route.object())) {
            String ns = b.namespace() == null || b.namespace().isEmpty() ? route.namespace() : b.namespace();
            String why;
            String r;
            if (!supportedKind(b.group(), b.kind())) {
                r = "InvalidKind";
                why = b.field() + ": " + (b.group() == null || b.group().isEmpty() ? "" : b.group() + "/")
                        + b.kind() + " " + b.name() + " is not a Service";
                diag.report(Severity.WARNING, route, why + "; it is left out and Kong answers 500 for its share of "
                        + "the traffic (ResolvedRefs=False, InvalidKind)", "refer to a core Service (kind: Service)");
            } else if (!permitted(route, kind, b.group(), b.kind(), ns, b.name(), grants)) {
                r = "RefNotPermitted";
                why = b.field() + ": Service " + ns + "/" + b.name() + " is in another namespace and no "
                        + "ReferenceGrant there allows it";
                diag.report(Severity.WARNING, route, why + "; it is left out and Kong answers 500 for its share of "
                                + "the traffic (ResolvedRefs=False, RefNotPermitted)",
                        "add a ReferenceGrant in namespace " + ns + " from " + kind.kind() + " in "
                                + route.namespace() + " to Service " + b.name());
            } else if (view.service(ns, b.name()).isEmpty()) {
                r = "BackendNotFound";
                why = b.field() + ": Service " + ns + "/" + b.name() + " not found";
            } else {
                continue;
            }
            if (reason == null) reason = r;
            messages.add(why);
        }
        return reason == null ? Condition.isTrue("ResolvedRefs", "ResolvedRefs", "")
                : Condition.isFalse("ResolvedRefs", reason, String.join("; ", messages));
    }
}
