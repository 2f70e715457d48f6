package io.konggitops.translate.model;

import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.translate.upstream.PortDef;

/**
 * One backend of a Kong service (KIC {@code kongstate.ServiceBackend}): a Kubernetes Service, the port as the route
 * object gave it, and a weight ({@code null} when the object gives none, as for Ingress; Gateway API backendRefs
 * default to 1). {@code k8sService} is filled in when the Service exists.
 */
public final class BackendDraft {
    public final String namespace;
    public final String name;
    public final PortDef port;
    public final Integer weight;
    public Service k8sService;

    public BackendDraft(String namespace, String name, PortDef port, Integer weight) {
        this.namespace = namespace;
        this.name = name;
        this.port = port;
        this.weight = weight;
    }

    /** {@code ns/name} of the Kubernetes Service. */
    public String key() {
        return namespace + "/" + name;
    }
}
