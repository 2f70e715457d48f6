package io.konggitops.translate.gateway.status;

import java.util.List;

/** {@code status.listeners[]} of a Gateway. */
public record ListenerStatus(String name, int attachedRoutes, List<Condition> conditions) {
    public ListenerStatus {
        conditions = List.copyOf(conditions);
    }
}
