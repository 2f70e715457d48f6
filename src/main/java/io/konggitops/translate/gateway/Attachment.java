package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.ParentRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Route attachment through {@code parentRefs} (gateway-api.md §2.4): for each parentRef to one of our Gateways, the
 * listeners named by {@code sectionName} and {@code port}, then those whose {@code allowedRoutes} take the route's
 * kind and namespace, then those sharing a hostname with it. The first empty step gives the parent's
 * {@code Accepted=False} reason: {@code NoMatchingParent}, {@code NotAllowedByListeners},
 * {@code NoMatchingListenerHostname}. A parentRef to a Gateway that is not ours (or not in the repository) gets no
 * status; one to another kind (a GAMMA {@code Service}) gets {@code Accepted=False, UnsupportedValue}.
 */
final class Attachment {
    /** Label every Namespace carries (set by the API server, so absent from Namespace manifests). */
    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /** One of our Gateways, defaulted, with its checked listeners. */
    record OurGateway(ManifestObject gateway, List<Listeners.Checked> listeners) {
    }

    /** The outcome for one parentRef of ours: its condition and the listeners the route attached to. */
    record Parent(ParentRef ref, Condition accepted, List<Listeners.Checked> listeners) {
    }

    private final Map<String, OurGateway> gateways;
    private final ClusterView view;
    private final Diagnostics diag;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    Attachment(Map<String, OurGateway> gateways, ClusterView view, Diagnostics diag) {
        this.gateways = gateways;
        this.view = view;
        this.diag = diag;
    }

    /** The parents of ours of a (defaulted) route, in parentRef order. */
    List<Parent> attach(ManifestObject route, RouteKind kind) {
        List<Parent> out = new ArrayList<>();
        List<String> hostnames = kind.hostnames(route.object());
        for (ParentReference p : kind.parentRefs(route.object())) {
            String ns = p.getNamespace() == null || p.getNamespace().isEmpty() ? route.namespace() : p.getNamespace();
            ParentRef ref = new ParentRef(p.getGroup(), p.getKind(), ns, p.getName(), p.getSectionName(),
                    p.getPort());
            if (!RouteKind.GROUP.equals(p.getGroup()) || !"Gateway".equals(p.getKind())) {
                out.add(unsupportedParent(route, ref));
                continue;
            }
            OurGateway g = gateways.get(ns + "/" + p.getName());
            if (g == null) continue;
            out.add(attach(route, kind, hostnames, ref, g));
        }
        return out;
    }

    private Parent unsupportedParent(ManifestObject route, ParentRef ref) {
        boolean gamma = "Service".equals(ref.kind()) && (ref.group() == null || ref.group().isEmpty());
        String what = (gamma ? "a GAMMA (service mesh) parentRef to Service " : "a parentRef to "
                + (ref.group() == null || ref.group().isEmpty() ? "" : ref.group() + "/") + ref.kind() + " ")
                + ref.namespace() + "/" + ref.name();
        diag.report(Severity.WARNING, route, "spec.parentRefs: " + what + " is not supported by kong-gitops; the route "
                        + "does not attach to it (Accepted=False, UnsupportedValue)",
                "attach the route to a Gateway (kind: Gateway) of a GatewayClass of kong-gitops' controller");
        return new Parent(ref, Condition.isFalse("Accepted", "UnsupportedValue", what + " is not supported"),
                List.of());
    }

    private Parent attach(ManifestObject route, RouteKind kind, List<String> hostnames, ParentRef ref,
                          OurGateway g) {
        List<Listeners.Checked> named = new ArrayList<>();
        for (Listeners.Checked l : g.listeners()) {
            if (ref.sectionName() != null && !ref.sectionName().isEmpty()
                    && !ref.sectionName().equals(l.listener().name())) continue;
            if (ref.port() != null && ref.port() != l.listener().port()) continue;
            named.add(l);
        }
        if (named.isEmpty()) {
            return refused(ref, "NoMatchingParent", "Gateway " + g.gateway().namespace() + "/" + g.gateway().name()
                    + " has no listener" + (ref.sectionName() == null ? "" : " named " + ref.sectionName())
                    + (ref.port() == null ? "" : (ref.sectionName() == null ? "" : " and") + " on port " + ref.port()));
        }
        List<Listeners.Checked> allowed = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Listeners.Checked l : named) {
            if (!l.kinds().contains(kind)) {
                why.add("listener " + l.listener().name() + " does not take " + kind.kind());
            } else if (!namespaceAllowed(l, g, route)) {
                why.add("listener " + l.listener().name() + " does not take routes from namespace "
                        + route.namespace() + namespaceDetail(l, route));
            } else {
                allowed.add(l);
            }
        }
        if (allowed.isEmpty()) return refused(ref, "NotAllowedByListeners", String.join("; ", why));
        List<Listeners.Checked> matching = new ArrayList<>();
        for (Listeners.Checked l : allowed) {
            String h = Hostnames.effective(l.listener().protocol()) ? l.listener().hostname() : null;
            if (Hostnames.intersects(h, hostnames)) matching.add(l);
        }
        if (matching.isEmpty()) {
            return refused(ref, "NoMatchingListenerHostname", "no hostname of the route (" + String.join(", ",
                    hostnames) + ") matches listener hostnames " + allowed.stream()
                    .map(l -> l.listener().name() + "=" + l.listener().hostname()).toList());
        }
        return new Parent(ref, Condition.isTrue("Accepted", "Accepted", ""), matching);
    }

    private static Parent refused(ParentRef ref, String reason, String message) {
        return new Parent(ref, Condition.isFalse("Accepted", reason, message), List.of());
    }

    /** {@code allowedRoutes.namespaces.from}: Same (default), All, or Selector on the route's Namespace labels. */
    private boolean namespaceAllowed(Listeners.Checked l, OurGateway g, ManifestObject route) {
        RouteNamespaces rn = l.spec().getAllowedRoutes() == null ? null : l.spec().getAllowedRoutes().getNamespaces();
        String from = rn == null || rn.getFrom() == null ? "Same" : rn.getFrom();
        return switch (from) {
            case "All" -> true;
            case "Selector" -> LabelSelectors.matches(rn.getSelector(), labels(route.namespace()));
            case "Same" -> g.gateway().namespace().equals(route.namespace());
            default -> false;
        };
    }

    private String namespaceDetail(Listeners.Checked l, ManifestObject route) {
        RouteNamespaces rn = l.spec().getAllowedRoutes() == null ? null : l.spec().getAllowedRoutes().getNamespaces();
        String from = rn == null || rn.getFrom() == null ? "Same" : rn.getFrom();
        String unknown = from.equals("Selector") && !namespaceKnown(route.namespace()) ? "; Namespace "
                + route.namespace() + " was not found, so only its label " + NAME_LABEL + " is known" : "";
        return " (allowedRoutes.namespaces.from: " + from + unknown + ")";
    }

    /**
     * The labels of a Namespace from the cluster view (the cluster, or Namespace manifests with
     * {@code --endpoints manifests}), plus {@code kubernetes.io/metadata.name} which the API server always sets.
     */
    Map<String, String> labels(String namespace) {
        return namespaceLabels.computeIfAbsent(namespace, ns -> {
            Map<String, String> labels = new HashMap<>();
            Namespace n = view.namespace(ns).orElse(null);
            if (n != null && n.getMetadata() != null && n.getMetadata().getLabels() != null) {
                labels.putAll(n.getMetadata().getLabels());
            }
            labels.put(NAME_LABEL, ns);
            return labels;
        });
    }

    boolean namespaceKnown(String namespace) {
        return view.namespace(namespace).isPresent();
    }
}
