package io.konggitops.translate.gateway.grpc;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.gateway.AttachedRoute;
import io.konggitops.translate.gateway.GatewayListener;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An accepted GRPCRoute as the translator reads it: its rules, hostnames (narrowed by admission), the protocols its
 * listeners give (kic-translation §4.7: an HTTP listener → {@code grpc}, HTTPS → {@code grpcs}) and its tags (with
 * the names of all its named rules, as KIC tags GRPCRoute routes).
 */
record GrpcRouteInput(ManifestObject source, GRPCRoute route, List<String> hostnames,
                      List<GatewayListener> listeners) {
    static GrpcRouteInput of(AttachedRoute a) {
        return new GrpcRouteInput(a.route(), (GRPCRoute) a.route().object(), a.hostnames(), a.listeners());
    }

    String namespace() {
        return source.namespace();
    }

    String name() {
        return source.name();
    }

    List<GRPCRouteRule> rules() {
        return route.getSpec() == null || route.getSpec().getRules() == null ? List.of() : route.getSpec().getRules();
    }

    Map<String, String> annotations() {
        Map<String, String> a = route.getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    /** KIC: the Kong service speaks {@code grpc} when an HTTP listener carries the route, else {@code grpcs}. */
    String serviceProtocol() {
        return listeners.stream().anyMatch(l -> "HTTP".equals(l.protocol())) ? "grpc" : "grpcs";
    }

    /** Expression routes: {@code grpc} for an HTTP listener, {@code grpcs} for HTTPS; none known → Kong's default. */
    List<String> routeProtocols() {
        List<String> out = new ArrayList<>();
        if (listeners.stream().anyMatch(l -> "HTTP".equals(l.protocol()))) out.add("grpc");
        if (listeners.stream().anyMatch(l -> "HTTPS".equals(l.protocol()))) out.add("grpcs");
        return out.isEmpty() ? null : out;
    }

    /**
     * Traditional routes: the route's hostnames, or else the hostnames of the listeners it attached to (KIC
     * {@code getGRPCRouteHostnamesAsSliceOfStringPointers}).
     */
    List<String> hostsOrListenerHostnames() {
        if (!hostnames.isEmpty()) return hostnames;
        List<String> out = new ArrayList<>();
        for (GatewayListener l : listeners) {
            if (l.hostname() != null) out.add(l.hostname());
        }
        return out;
    }

    List<String> tags() {
        List<String> named = new ArrayList<>();
        for (GRPCRouteRule r : rules()) {
            String n = r.getName() == null ? "" : r.getName().trim();
            if (!n.isEmpty()) named.add("k8s-named-route-rule:" + n);
        }
        return KongTags.forObject(route, named);
    }
}
