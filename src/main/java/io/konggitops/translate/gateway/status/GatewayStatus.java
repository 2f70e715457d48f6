package io.konggitops.translate.gateway.status;

import java.util.List;

/** The status a conformant controller would write on one Gateway. */
public record GatewayStatus(String namespace, String name, List<Condition> conditions,
                            List<ListenerStatus> listeners) {
    public GatewayStatus {
        conditions = List.copyOf(conditions);
        listeners = List.copyOf(listeners);
    }
}
