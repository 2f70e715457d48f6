package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.ingress.ServiceAnnotations;
import io.konggitops.translate.model.BackendDraft;
import io.konggitops.translate.model.PluginDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongTags;
import io.konggitops.translate.upstream.PortDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backends of a Gateway API route rule, for every route kind (KIC {@code backendRefsToKongStateBackends},
 * {@code generateKongServiceFromBackendRefWithName} and {@code populateServices}, kic-translation §4.3, §4.7). A
 * backendRef is left out when it has no kind (KIC's golden harness, which skips CRD defaulting; admission applies the
 * default {@code Service}), is not a core Service, is in another namespace without a ReferenceGrant from the route
 * (admission reports those two; {@link BackendRefs#permitted}), or names a Service that does not exist (a warning
 * here: the route's status says BackendNotFound and Kong answers 500 for HTTP and gRPC). A Kong service keeps its
 * backends' weights as written; its tags are its Service's (one Service), the route's (several) or KIC's UNKNOWN
 * placeholders (none).
 */
public final class RouteBackends {
    /** One {@code backendRefs[]} entry as written. */
    public record Ref(String group, String kind, String namespace, String name, Integer port, Integer weight) {
        public static Ref of(BackendRef b) {
            return new Ref(b.getGroup(), b.getKind(), b.getNamespace(), b.getName(), b.getPort(), b.getWeight());
        }

        public static Ref of(HTTPBackendRef b) {
            return new Ref(b.getGroup(), b.getKind(), b.getNamespace(), b.getName(), b.getPort(), b.getWeight());
        }

        public static Ref of(GRPCBackendRef b) {
            return new Ref(b.getGroup(), b.getKind(), b.getNamespace(), b.getName(), b.getPort(), b.getWeight());
        }
    }

    private final ClusterView view;
    private final Diagnostics diag;
    private final ReferenceGrants grants;
    private final ServiceAnnotations serviceAnnotations;

    public RouteBackends(ClusterView view, Diagnostics diag, ReferenceGrants grants,
                         ServiceAnnotations serviceAnnotations) {
        this.view = view;
        this.diag = diag;
        this.grants = grants;
        this.serviceAnnotations = serviceAnnotations;
    }

    /** The usable backends of {@code refs}, in order, each with its Service. */
    public List<BackendDraft> resolve(ManifestObject route, RouteKind kind, List<Ref> refs) {
        List<BackendDraft> out = new ArrayList<>();
        for (Ref ref : refs) {
            // KIC's harness has no CRD defaults: a backendRef without kind is skipped there, as in KIC
            if (!BackendRefs.permitted(route, kind, ref.group(), ref.kind(), ref.namespace(), ref.name(), grants)) {
                continue;
            }
            String ns = ref.namespace() == null || ref.namespace().isEmpty() ? route.namespace() : ref.namespace();
            Optional<Service> svc = view.service(ns, ref.name());
            if (svc.isEmpty()) {
                boolean http = kind == RouteKind.HTTP_ROUTE || kind == RouteKind.GRPC_ROUTE;
                diag.report(Severity.WARNING, route, "backendRef Service " + ns + "/" + ref.name()
                        + " not found; it is left out of the Kong service" + (http ? " (Kong answers 500 when every backend of a rule "
                        + "is)" : ""), "create the Service or fix the backendRef name");
                continue;
            }
            BackendDraft b = new BackendDraft(ns, ref.name(), PortDef.number(ref.port() == null ? -1 : ref.port()),
                    ref.weight());
            b.k8sService = svc.get();
            out.add(b);
        }
        return out;
    }

    /**
     * Tags and the Services' {@code konghq.com/*} annotations. {@code routeTagsForMany}: whether the route object is
     * known as the parent of a multi-Service Kong service (KIC records it for every kind but traditional GRPCRoute,
     * whose multi-Service Kong services therefore get no tags).
     */
    public void populate(ServiceDraft s, boolean routeTagsForMany) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (BackendDraft b : s.backends) services.putIfAbsent(b.key(), b.k8sService);
        if (services.size() > 1) {
            s.tags = routeTagsForMany ? KongTags.forObject(s.parent.object()) : List.of();
        } else if (services.size() == 1) {
            s.tags = KongTags.forObject(services.values().iterator().next());
        } else {
            s.tags = KongTags.UNKNOWN_SERVICE;
        }
        for (Service svc : services.values()) serviceAnnotations.apply(s, svc);
        if (!services.isEmpty()) s.k8sService = services.values().iterator().next();
    }

    /** KIC's 500 request-termination for a gRPC/HTTP Kong service whose backendRefs all failed. */
    public static PluginDraft noBackendPlugin(ManifestObject route) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("status_code", 500);
        config.put("message", "no existing backendRef provided");
        return new PluginDraft("request-termination", config, List.of(), route);
    }
}
