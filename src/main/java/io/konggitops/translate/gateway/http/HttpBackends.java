package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.gateway.ReferenceGrants;
import io.konggitops.translate.gateway.RouteBackends;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.ingress.ServiceAnnotations;
import io.konggitops.translate.model.BackendDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The backends of an HTTPRoute rule group (kic-translation §4.3, KIC {@code backendRefsToKongStateBackends} and
 * {@code populateServices}): resolved as for every route kind ({@link RouteBackends}). The Kubernetes Services then
 * give the Kong service its tags (one Service: its tags; several: the HTTPRoute's) and their {@code konghq.com/*}
 * annotations, which must agree between the Services of one Kong service.
 */
final class HttpBackends {
    private static final String ANNOTATION_PREFIX = "konghq.com/";

    private final Diagnostics diag;
    private final ServiceAnnotations serviceAnnotations;
    private final RouteBackends backends;

    HttpBackends(ClusterView view, Diagnostics diag, ReferenceGrants grants, ServiceAnnotations serviceAnnotations) {
        this.diag = diag;
        this.serviceAnnotations = serviceAnnotations;
        this.backends = new RouteBackends(view, diag, grants, serviceAnnotations);
    }

    /** The usable backends, in backendRef order, each with its Service and its weight as written. */
    List<BackendDraft> resolve(HttpRouteInput route, List<HTTPBackendRef> refs) {
        if (refs == null) return List.of();
        return backends.resolve(route.source(), RouteKind.HTTP_ROUTE,
                refs.stream().map(RouteBackends.Ref::of).toList());
    }

    /**
     * Tags and Service annotations of the Kong service; false (with an error on each Service) when the Services of a
     * multi-backend Kong service disagree on a {@code konghq.com/*} annotation: KIC then leaves the Kong service out.
     */
    boolean populate(ServiceDraft s) {
        List<Service> services = new ArrayList<>();
        for (BackendDraft b : s.backends) services.add(b.k8sService);
        TreeSet<String> inconsistent = inconsistentAnnotations(services);
        if (!inconsistent.isEmpty()) {
            for (Service svc : services) {
                for (String a : inconsistent) {
                    diag.reportCluster(Severity.ERROR, "Service", svc.getMetadata().getNamespace(),
                            svc.getMetadata().getName(), "Service has inconsistent " + a + " annotation and is used "
                                    + "in multi-Service backend " + s.name + "; Kong service " + s.name
                                    + " and its routes are left out, as KIC does",
                            "give every Service of the backendRefs the same " + a + " value");
                }
            }
            return false;
        }
        if (services.size() > 1) s.tags = KongTags.forObject(s.parent.object());
        else if (services.size() == 1) s.tags = KongTags.forObject(services.get(0));
        else s.tags = KongTags.UNKNOWN_SERVICE;
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing((Service v) -> v.getMetadata().getNamespace() + "/"
                + v.getMetadata().getName()));
        for (Service svc : sorted) serviceAnnotations.apply(s, svc);
        if (!sorted.isEmpty()) s.k8sService = sorted.get(0);
        return true;
    }

    /** The {@code konghq.com/*} annotations that some Service lacks or holds with another value. */
    private static TreeSet<String> inconsistentAnnotations(List<Service> services) {
        Map<String, String> seen = new TreeMap<>();
        for (Service svc : services) {
            Map<String, String> anns = svc.getMetadata().getAnnotations();
            if (anns == null) continue;
            anns.forEach((k, v) -> {
                if (k.startsWith(ANNOTATION_PREFIX)) seen.put(k, v);
            });
        }
        TreeSet<String> bad = new TreeSet<>();
        for (Service svc : services) {
            Map<String, String> anns = svc.getMetadata().getAnnotations() == null ? Map.of()
                    : svc.getMetadata().getAnnotations();
            seen.forEach((k, v) -> {
                if (!Objects.equals(anns.get(k), v)) bad.add(k);
            });
        }
        return bad;
    }
}
