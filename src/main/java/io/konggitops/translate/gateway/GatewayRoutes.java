package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.gateway.status.GatewayApiStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Gateway API admission hands to the route translators: the Gateways of ours with their listeners, the routes
 * they accepted (hostnames already narrowed), and the status computed on the way.
 */
public record GatewayRoutes(List<AcceptedGateway> gateways, List<AttachedRoute> routes, GatewayApiStatus status) {
    public static final GatewayRoutes NONE = new GatewayRoutes(List.of(), List.of(), GatewayApiStatus.EMPTY);

    public GatewayRoutes {
        gateways = List.copyOf(gateways);
        routes = List.copyOf(routes);
        Objects.requireNonNull(status, "status");
    }

    /** The accepted routes of one kind, in input order. */
    public List<AttachedRoute> routes(RouteKind kind) {
        return routes.stream().filter(r -> r.kind() == kind).toList();
    }

    /**
     * KIC's golden-test harness: no admission at all. Every route is taken with its own hostnames, attached to the
     * listeners of the Gateways its parentRefs name that are in the manifests (whatever their class; honouring
     * {@code sectionName} and {@code port}); every Gateway in the manifests counts, with all its listeners and
     * same-namespace certificates. Only for comparing with KIC's goldens: a real run uses admission.
     */
    public static GatewayRoutes unchecked(Manifests manifests) {
        List<AcceptedGateway> gateways = new ArrayList<>();
        for (ManifestObject mo : manifests.objects()) {
            if (mo.object() instanceof Gateway g) gateways.add(new AcceptedGateway(mo, listeners(g, mo.namespace())));
        }
        List<AttachedRoute> routes = new ArrayList<>();
        for (ManifestObject mo : manifests.objects()) {
            RouteKind kind = RouteKind.of(mo.object()).orElse(null);
            if (kind == null) continue;
            List<GatewayListener> attached = new ArrayList<>();
            for (ParentReference ref : kind.parentRefs(mo.object())) {
                String ns = ref.getNamespace() == null ? mo.namespace() : ref.getNamespace();
                for (AcceptedGateway g : gateways) {
                    if (!g.gateway().namespace().equals(ns) || !g.gateway().name().equals(ref.getName())) continue;
                    for (GatewayListener l : g.listeners()) {
                        if (ref.getSectionName() != null && !ref.getSectionName().equals(l.name())) continue;
                        if (ref.getPort() != null && ref.getPort() != l.port()) continue;
                        attached.add(l);
                    }
                }
            }
            routes.add(new AttachedRoute(mo, kind, kind.hostnames(mo.object()), attached));
        }
        return new GatewayRoutes(gateways, routes, GatewayApiStatus.EMPTY);
    }

    /** The listeners of a Gateway as written, with their same-namespace certificate Secrets. */
    public static List<GatewayListener> listeners(Gateway g, String namespace) {
        List<GatewayListener> out = new ArrayList<>();
        if (g.getSpec() == null || g.getSpec().getListeners() == null) return out;
        for (Listener l : g.getSpec().getListeners()) {
            List<GatewayListener.SecretRef> certs = new ArrayList<>();
            String mode = null;
            if (l.getTls() != null) {
                mode = l.getTls().getMode() == null ? "Terminate" : l.getTls().getMode();
                if (l.getTls().getCertificateRefs() != null) {
                    for (SecretObjectReference r : l.getTls().getCertificateRefs()) {
                        String ns = r.getNamespace() == null ? namespace : r.getNamespace();
                        if (ns.equals(namespace)) certs.add(new GatewayListener.SecretRef(ns, r.getName()));
                    }
                }
            }
            out.add(new GatewayListener(namespace, g.getMetadata().getName(), l.getName(), l.getProtocol(),
                    l.getPort() == null ? 0 : l.getPort(), l.getHostname(), mode, certs));
        }
        return out;
    }
}
