package io.konggitops.translate.model;

import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.upstream.PortDef;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kong service being built during one translation (KIC {@code kongstate.Service}): mutable working copy, turned
 * into a {@code KongEntity} at the end. One backend (Kubernetes Service + port) per draft, as for Ingress.
 */
public final class ServiceDraft {
    public final String name;
    public final String host;
    /** Namespace and name of the backend Kubernetes Service, and how the port was given. */
    public final String backendNamespace;
    public final String backendName;
    public final PortDef backendPort;
    /** The object that made this service first (the Ingress); its origin is reported for the Kong service. */
    public final ManifestObject parent;

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
    /** The Kubernetes Service, when it exists. */
    public Service k8sService;
    public final List<RouteDraft> routes = new ArrayList<>();

    public ServiceDraft(String name, String host, String backendNamespace, String backendName, PortDef backendPort,
                        String path, ManifestObject parent) {
        this.name = name;
        this.host = host;
        this.backendNamespace = backendNamespace;
        this.backendName = backendName;
        this.backendPort = backendPort;
        this.path = path;
        this.parent = parent;
    }
}
