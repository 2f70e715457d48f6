package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;

import java.util.List;
import java.util.Optional;

/**
 * What only the cluster knows, as the translator needs it. Implementations: {@code manifests} (objects found in the
 * repository), {@code service-dns} (no cluster: targets are the Service DNS names) and {@code cluster} (the
 * Kubernetes API through fabric8).
 */
public interface ClusterView {

    /** How Kong targets are produced for a Service port. */
    enum TargetMode {
        /** One target per ready endpoint, from EndpointSlices (KIC's default). */
        ENDPOINTS,
        /** One target {@code <svc>.<ns>.svc:<port>} per Service port, as KIC's {@code service-upstream}. */
        SERVICE_DNS
    }

    Optional<Service> service(String namespace, String name);

    /** EndpointSlices labelled {@code kubernetes.io/service-name=<service>} in the namespace; empty if none. */
    List<EndpointSlice> endpointSlices(String namespace, String service);

    Optional<Secret> secret(String namespace, String name);

    Optional<Namespace> namespace(String name);

    TargetMode targetMode();

    /** Where an object seen through this view was defined, when it came from the repository. */
    default Optional<Origin> originOf(String kind, String namespace, String name) {
        return Optional.empty();
    }

    /** Problems met while building the view (e.g. a Service only in the repo, cluster and repo disagreeing). */
    default List<Problem> problems() {
        return List.of();
    }
}
