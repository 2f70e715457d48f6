package io.konggitops.translate.gateway.status;

import java.util.List;

/** One {@code status.parents[]} entry of a route: for a parentRef that kong-gitops' controller owns. */
public record RouteParentStatus(ParentRef parentRef, String controllerName, List<Condition> conditions) {
    public RouteParentStatus {
        conditions = List.copyOf(conditions);
    }
}
