package io.konggitops.translate.gateway.status;

import java.util.List;

/** The status a conformant controller would write on one route object. */
public record RouteStatus(String kind, String namespace, String name, List<RouteParentStatus> parents) {
    public RouteStatus {
        parents = List.copyOf(parents);
    }
}
