package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The defaults the Gateway API CRDs make the API server fill in, which manifests read from Git lack: parentRef
 * {@code group}/{@code kind}; backendRef {@code group ""}, {@code kind Service}, {@code weight 1}; an HTTPRoute
 * without rules gets one rule, a rule without matches one match, a match without path {@code PathPrefix /}; header,
 * query and gRPC method matches {@code type Exact}; redirect {@code statusCode 302}; listener
 * {@code allowedRoutes.namespaces.from Same}, allowed kinds' group, {@code tls.mode Terminate} and certificateRef
 * {@code group ""}/{@code kind Secret}. Applied once, at admission, to copies: the objects loaded from Git are never
 * changed (KIC's golden harness, which skips admission, sees them as written).
 */
final class CrdDefaults {
    static final String GROUP = RouteKind.GROUP;
    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    private CrdDefaults() {
    }

    /** A defaulted copy of a route, same origin. */
    static ManifestObject route(ManifestObject mo) {
        HasMetadata copy = K8S.clone(mo.object());
        if (copy instanceof HTTPRoute r && r.getSpec() != null) {
            parents(r.getSpec().getParentRefs());
            if (empty(r.getSpec().getRules())) r.getSpec().setRules(new ArrayList<>(List.of(new HTTPRouteRule())));
            for (HTTPRouteRule rule : r.getSpec().getRules()) http(rule);
        } else if (copy instanceof GRPCRoute r && r.getSpec() != null) {
            parents(r.getSpec().getParentRefs());
            if (r.getSpec().getRules() != null) r.getSpec().getRules().forEach(CrdDefaults::grpc);
        } else if (copy instanceof TCPRoute r && r.getSpec() != null) {
            parents(r.getSpec().getParentRefs());
            if (r.getSpec().getRules() != null) r.getSpec().getRules().forEach(rule -> backends(rule.getBackendRefs()));
        } else if (copy instanceof UDPRoute r && r.getSpec() != null) {
            parents(r.getSpec().getParentRefs());
            if (r.getSpec().getRules() != null) r.getSpec().getRules().forEach(rule -> backends(rule.getBackendRefs()));
        } else if (copy instanceof TLSRoute r && r.getSpec() != null) {
            parents(r.getSpec().getParentRefs());
            if (r.getSpec().getRules() != null) r.getSpec().getRules().forEach(rule -> backends(rule.getBackendRefs()));
        }
        return new ManifestObject(copy, mo.origin());
    }

    /** A defaulted copy of a Gateway, same origin. */
    static ManifestObject gateway(ManifestObject mo) {
        Gateway g = (Gateway) K8S.clone(mo.object());
        if (g.getSpec() != null && g.getSpec().getListeners() != null) {
            for (Listener l : g.getSpec().getListeners()) listener(l);
        }
        return new ManifestObject(g, mo.origin());
    }

    private static void listener(Listener l) {
        if (l.getAllowedRoutes() == null) l.setAllowedRoutes(new AllowedRoutes());
        AllowedRoutes ar = l.getAllowedRoutes();
        if (ar.getNamespaces() == null) ar.setNamespaces(new RouteNamespaces());
        if (ar.getNamespaces().getFrom() == null) ar.getNamespaces().setFrom("Same");
        if (ar.getKinds() != null) {
            for (RouteGroupKind k : ar.getKinds()) {
                if (k.getGroup() == null) k.setGroup(GROUP);
            }
        }
        if (l.getTls() != null) {
            if (l.getTls().getMode() == null) l.getTls().setMode("Terminate");
            if (l.getTls().getCertificateRefs() != null) {
                for (SecretObjectReference r : l.getTls().getCertificateRefs()) {
                    if (r.getGroup() == null) r.setGroup("");
                    if (r.getKind() == null) r.setKind("Secret");
                }
            }
        }
    }

    private static void parents(List<ParentReference> refs) {
        if (refs == null) return;
        for (ParentReference p : refs) {
            if (p.getGroup() == null) p.setGroup(GROUP);
            if (p.getKind() == null) p.setKind("Gateway");
        }
    }

    private static void http(HTTPRouteRule rule) {
        if (empty(rule.getMatches())) rule.setMatches(new ArrayList<>(List.of(new HTTPRouteMatch())));
        for (HTTPRouteMatch m : rule.getMatches()) {
            if (m.getPath() == null) m.setPath(new HTTPPathMatch());
            if (m.getPath().getType() == null) m.getPath().setType("PathPrefix");
            if (m.getPath().getValue() == null) m.getPath().setValue("/");
            if (m.getHeaders() != null) {
                for (HTTPHeaderMatch h : m.getHeaders()) {
                    if (h.getType() == null) h.setType("Exact");
                }
            }
            if (m.getQueryParams() != null) {
                for (HTTPQueryParamMatch q : m.getQueryParams()) {
                    if (q.getType() == null) q.setType("Exact");
                }
            }
        }
        httpFilters(rule.getFilters());
        if (rule.getBackendRefs() != null) {
            for (HTTPBackendRef b : rule.getBackendRefs()) {
                if (b.getGroup() == null) b.setGroup("");
                if (b.getKind() == null) b.setKind("Service");
                if (b.getWeight() == null) b.setWeight(1);
                httpFilters(b.getFilters());
            }
        }
    }

    private static void httpFilters(List<HTTPRouteFilter> filters) {
        if (filters == null) return;
        for (HTTPRouteFilter f : filters) {
            if (f.getRequestRedirect() != null && f.getRequestRedirect().getStatusCode() == null) {
                f.getRequestRedirect().setStatusCode(302);
            }
            if (f.getRequestMirror() != null) backend(f.getRequestMirror().getBackendRef());
        }
    }

    private static void grpc(GRPCRouteRule rule) {
        if (rule.getMatches() != null) {
            for (GRPCRouteMatch m : rule.getMatches()) {
                if (m.getMethod() != null && m.getMethod().getType() == null) m.getMethod().setType("Exact");
                if (m.getHeaders() != null) {
                    for (GRPCHeaderMatch h : m.getHeaders()) {
                        if (h.getType() == null) h.setType("Exact");
                    }
                }
            }
        }
        grpcFilters(rule.getFilters());
        if (rule.getBackendRefs() != null) {
            for (GRPCBackendRef b : rule.getBackendRefs()) {
                if (b.getGroup() == null) b.setGroup("");
                if (b.getKind() == null) b.setKind("Service");
                if (b.getWeight() == null) b.setWeight(1);
                grpcFilters(b.getFilters());
            }
        }
    }

    private static void grpcFilters(List<GRPCRouteFilter> filters) {
        if (filters == null) return;
        for (GRPCRouteFilter f : filters) {
            if (f.getRequestMirror() != null) backend(f.getRequestMirror().getBackendRef());
        }
    }

    private static void backends(List<BackendRef> refs) {
        if (refs == null) return;
        for (BackendRef b : refs) {
            if (b.getGroup() == null) b.setGroup("");
            if (b.getKind() == null) b.setKind("Service");
            if (b.getWeight() == null) b.setWeight(1);
        }
    }

    private static void backend(BackendObjectReference b) {
        if (b == null) return;
        if (b.getGroup() == null) b.setGroup("");
        if (b.getKind() == null) b.setKind("Service");
    }

    private static boolean empty(List<?> l) {
        return l == null || l.isEmpty();
    }
}
