package io.konggitops.translate.gateway.status;

import java.util.List;

/**
 * The Gateway API status computed for one run: nothing is written to the cluster; {@code validate} prints it and the
 * reports carry it.
 */
public record GatewayApiStatus(List<GatewayStatus> gateways, List<RouteStatus> routes) {
    public static final GatewayApiStatus EMPTY = new GatewayApiStatus(List.of(), List.of());

    public GatewayApiStatus {
        gateways = List.copyOf(gateways);
        routes = List.copyOf(routes);
    }

    public boolean isEmpty() {
        return gateways.isEmpty() && routes.isEmpty();
    }
}
