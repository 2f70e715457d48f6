package io.konggitops.translate.gateway;

import io.konggitops.source.ManifestObject;

import java.util.List;

/**
 * A Gateway API route accepted by at least one listener of ours (kic-translation §4.2).
 *
 * @param hostnames the route's hostnames narrowed by the listeners it attached to (KIC {@code filterHostnames}); empty
 *                  means any host
 * @param listeners the listeners it attached to, for route protocols, stream ports, TLS mode and default hostnames
 */
public record AttachedRoute(ManifestObject route, RouteKind kind, List<String> hostnames,
                            List<GatewayListener> listeners) {
    public AttachedRoute {
        hostnames = List.copyOf(hostnames);
        listeners = List.copyOf(listeners);
    }
}
