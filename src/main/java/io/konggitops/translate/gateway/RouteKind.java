package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute;

import java.util.List;
import java.util.Optional;

/**
 * The Gateway API route kinds kong-gitops translates. The loader turns every served version of them into the fabric8
 * {@code gatewayapi.v1} class, so their common fields (parentRefs, hostnames) are read here, in one place.
 */
public enum RouteKind {
    HTTP_ROUTE("HTTPRoute", "httproute", HTTPRoute.class),
    GRPC_ROUTE("GRPCRoute", "grpcroute", GRPCRoute.class),
    TCP_ROUTE("TCPRoute", "tcproute", TCPRoute.class),
    UDP_ROUTE("UDPRoute", "udproute", UDPRoute.class),
    TLS_ROUTE("TLSRoute", "tlsroute", TLSRoute.class);

    public static final String GROUP = "gateway.networking.k8s.io";

    private final String kind;
    private final String namePrefix;
    private final Class<? extends HasMetadata> type;

    RouteKind(String kind, String namePrefix, Class<? extends HasMetadata> type) {
        this.kind = kind;
        this.namePrefix = namePrefix;
        this.type = type;
    }

    /** The Kubernetes kind, e.g. {@code HTTPRoute}. */
    public String kind() {
        return kind;
    }

    /** The prefix of the Kong service and route names KIC gives, e.g. {@code httproute}. */
    public String namePrefix() {
        return namePrefix;
    }

    public static Optional<RouteKind> of(HasMetadata o) {
        for (RouteKind k : values()) {
            if (k.type.isInstance(o)) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** {@code spec.parentRefs}, as written (no defaults applied). */
    public List<ParentReference> parentRefs(HasMetadata o) {
        List<ParentReference> refs = switch (this) {
            case HTTP_ROUTE -> ((HTTPRoute) o).getSpec() == null ? null : ((HTTPRoute) o).getSpec().getParentRefs();
            case GRPC_ROUTE -> ((GRPCRoute) o).getSpec() == null ? null : ((GRPCRoute) o).getSpec().getParentRefs();
            case TCP_ROUTE -> ((TCPRoute) o).getSpec() == null ? null : ((TCPRoute) o).getSpec().getParentRefs();
            case UDP_ROUTE -> ((UDPRoute) o).getSpec() == null ? null : ((UDPRoute) o).getSpec().getParentRefs();
            case TLS_ROUTE -> ((TLSRoute) o).getSpec() == null ? null : ((TLSRoute) o).getSpec().getParentRefs();
        };
        return refs == null ? List.of() : refs;
    }

    /** {@code spec.hostnames}; TCPRoute and UDPRoute have none. */
    public List<String> hostnames(HasMetadata o) {
        List<String> h = switch (this) {
            case HTTP_ROUTE -> ((HTTPRoute) o).getSpec() == null ? null : ((HTTPRoute) o).getSpec().getHostnames();
            case GRPC_ROUTE -> ((GRPCRoute) o).getSpec() == null ? null : ((GRPCRoute) o).getSpec().getHostnames();
            case TLS_ROUTE -> ((TLSRoute) o).getSpec() == null ? null : ((TLSRoute) o).getSpec().getHostnames();
            case TCP_ROUTE, UDP_ROUTE -> null;
        };
        return h == null ? List.of() : h;
    }
}
