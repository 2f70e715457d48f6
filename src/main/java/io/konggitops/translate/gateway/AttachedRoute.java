package io.konggitops.translate.gateway;

import io.konggitops.source.ManifestObject;

import java.util.List;

/**
 * A Gateway API route accepted by at least one listener of ours (kic-translation §4.2). With admission,
 * {@code route} is a copy with the CRD defaults applied ({@code backendRef} kind/group/weight, the default match...),
 * same origin as the manifest; the route had no unsupported feature (those routes are reported and never handed on);
 * translators leave out the backendRefs {@link BackendRefs#permitted} refuses without reporting them again (see
 * {@link GatewayAdmission} for which stage reports what).
 *
 * @param hostnames the route's hostnames narrowed by the listeners it attached to (KIC {@code filterHostnames}); empty
 *                  means any host
 * @param listeners the listeners it attached to (accepted, not in conflict), for route protocols, stream ports, TLS
 *                  mode and default hostnames
 */
public record AttachedRoute(ManifestObject route, RouteKind kind, List<String> hostnames,
                            List<GatewayListener> listeners) {
    public AttachedRoute {
        hostnames = List.copyOf(hostnames);
        listeners = List.copyOf(listeners);
    }
}
