package io.konggitops.translate.gateway;

import io.konggitops.source.ManifestObject;

import java.util.List;

/** A Gateway of a GatewayClass that kong-gitops' controller name owns, with its valid listeners. */
public record AcceptedGateway(ManifestObject gateway, List<GatewayListener> listeners) {
    public AcceptedGateway {
        listeners = List.copyOf(listeners);
    }
}
