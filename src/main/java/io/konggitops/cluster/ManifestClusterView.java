package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.konggitops.problem.Origin;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code manifests} cluster view: Services, EndpointSlices (by label {@code kubernetes.io/service-name}),
 * Secrets and Namespaces found in the repository (KIC's golden tests load objects the same way). With
 * {@link #endpoints(Manifests)} targets come from the EndpointSlices; with {@link #serviceDns(Manifests)} (see
 * {@link ServiceDnsClusterView}) they are the Service DNS names. The first object of a kind/namespace/name wins.
 */
public class ManifestClusterView implements ClusterView {
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private final Map<String, ManifestObject> byKey = new HashMap<>();
    private final Map<String, List<EndpointSlice>> slicesByService = new HashMap<>();
    private final TargetMode mode;

    protected ManifestClusterView(Manifests manifests, TargetMode mode) {
        this.mode = mode;
        for (ManifestObject mo : manifests.objects()) {
            HasMetadata o = mo.object();
            if (o instanceof Service || o instanceof Secret || o instanceof Namespace) {
                byKey.putIfAbsent(key(mo.kind(), mo.namespace(), mo.name()), mo);
            } else if (o instanceof EndpointSlice slice && mode == TargetMode.ENDPOINTS) {
                byKey.putIfAbsent(key(mo.kind(), mo.namespace(), mo.name()), mo);
                Map<String, String> labels = slice.getMetadata().getLabels();
                String svc = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
                if (svc != null) {
                    slicesByService.computeIfAbsent(mo.namespace() + "/" + svc, k -> new ArrayList<>()).add(slice);
                }
            }
        }
    }

    /** Targets from the EndpointSlices in the repository. */
    public static ManifestClusterView endpoints(Manifests manifests) {
        return new ManifestClusterView(manifests, TargetMode.ENDPOINTS);
    }

    /** Services/Secrets/Namespaces from the repository, targets {@code <svc>.<ns>.svc:<port>}. */
    public static ClusterView serviceDns(Manifests manifests) {
        return new ServiceDnsClusterView(manifests);
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return find("Service", namespace, name, Service.class);
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String service) {
        return List.copyOf(slicesByService.getOrDefault(namespace + "/" + service, List.of()));
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return find("Secret", namespace, name, Secret.class);
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return find("Namespace", "", name, Namespace.class);
    }

    @Override
    public TargetMode targetMode() {
        return mode;
    }

    @Override
    public Optional<Origin> originOf(String kind, String namespace, String name) {
        return Optional.ofNullable(byKey.get(key(kind, namespace, name))).map(ManifestObject::origin);
    }

    private <T> Optional<T> find(String kind, String namespace, String name, Class<T> type) {
        ManifestObject mo = byKey.get(key(kind, namespace, name));
        return mo == null || !type.isInstance(mo.object()) ? Optional.empty() : Optional.of(type.cast(mo.object()));
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }
}
