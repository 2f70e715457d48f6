package io.konggitops.config;

import java.util.Locale;

/** Where Services, EndpointSlices, Secrets and Namespaces come from ({@code --endpoints}). */
public enum EndpointsMode {
    /** The Kubernetes API (kubeconfig or in-cluster service account). */
    CLUSTER,
    /** Objects in the repository (offline; tests). */
    MANIFESTS,
    /** No cluster: one target {@code <svc>.<ns>.svc:<port>} per Service port. */
    SERVICE_DNS,
    /** {@code cluster} when a kubeconfig or an in-cluster service account is found, else {@code manifests}. */
    AUTO;

    public static EndpointsMode parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
