package io.konggitops.translate.model;

import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kong service being built during one translation (KIC {@code kongstate.Service}): mutable working copy, turned
 * into a {@code KongEntity} at the end. It has a weighted list of backends: one for Ingress, one or more for the
 * backendRefs of a Gateway API rule group. Its upstream is named after {@code host}.
 */
public final class ServiceDraft {
    public final String name;
    public final String host;
    public final List<BackendDraft> backends;
    /** The object that made this service first (the Ingress, the HTTPRoute); its origin is reported for it. */
    public final ManifestObject parent;

    /** Set from the backend's ServicePort when the upstream is built (KIC: the last backend processed wins). */
    public int port = 80;
    public String protocol = "http";
    public String path;
    public long connectTimeout = 60000;
    public long readTimeout = 60000;
    public long writeTimeout = 60000;
    public long retries = 5;
    public Boolean tlsVerify;
    public Long tlsVerifyDepth;
    /** {@code ns/name} of the client-certificate Secret; its certificate id is filled in at assembly. */
    public String clientCertSecret;
    public List<String> caCertificates;
    public List<String> tags = List.of();
    /** {@code konghq.com/host-header} of the Kubernetes Service: goes to the upstream. */
    public String upstreamHostHeader;
    /** The Kubernetes Service whose annotations and plugins apply to this Kong service, when it exists. */
    public Service k8sService;
    /** One DNS target per backend instead of endpoints (IngressClassParameters {@code serviceUpstream}). */
    public boolean serviceUpstream;
    public final List<RouteDraft> routes = new ArrayList<>();
    /** Plugins the route object's own fields attach to this service (the 500 request-termination). */
    public final List<PluginDraft> plugins = new ArrayList<>();

    public ServiceDraft(String name, String host, List<BackendDraft> backends, String path, ManifestObject parent) {
        this.name = name;
        this.host = host;
        this.backends = List.copyOf(backends);
        this.path = path;
        this.parent = parent;
    }

    /** The one backend of a single-backend service (Ingress). */
    public BackendDraft backend() {
        if (backends.size() != 1) throw new IllegalStateException(name + " has " + backends.size() + " backends");
        return backends.get(0);
    }
}
