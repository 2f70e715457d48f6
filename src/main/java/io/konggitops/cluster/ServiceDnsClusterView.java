package io.konggitops.cluster;

import io.konggitops.source.Manifests;

/**
 * The {@code service-dns} cluster view: no cluster. Services, Secrets and Namespaces come from the repository, there
 * are no EndpointSlices, and every target is the Service DNS name {@code <svc>.<ns>.svc:<port>} (KIC's
 * {@code service-upstream}); kube-proxy balances.
 */
public final class ServiceDnsClusterView extends ManifestClusterView {
    public ServiceDnsClusterView(Manifests manifests) {
        super(manifests, TargetMode.SERVICE_DNS);
    }
}
