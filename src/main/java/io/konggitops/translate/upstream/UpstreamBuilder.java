package io.konggitops.translate.upstream;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.upstream.policy.UpstreamPolicies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KIC {@code getUpstreams} (kic-translation §5): one upstream per distinct Kong service host, the Kong service
 * {@code port} set to the matched ServicePort's {@code port}, targets by the view's target mode.
 */
public final class UpstreamBuilder {
    public static final String SERVICE_UPSTREAM_ANNOTATION = "ingress.kubernetes.io/service-upstream";

    private final ClusterView view;
    private final Diagnostics diag;
    private final String clusterDomain;
    private final boolean drain;
    private final UpstreamPolicies policies;

    public UpstreamBuilder(ClusterView view, Diagnostics diag, String clusterDomain, boolean drain,
                           UpstreamPolicies policies) {
        this.view = view;
        this.diag = diag;
        this.clusterDomain = clusterDomain;
        this.drain = drain;
        this.policies = policies;
    }

    /**
     * @param serviceUpstreamForAll {@code IngressClassParameters.spec.serviceUpstream}
     */
    public List<UpstreamDraft> build(List<ServiceDraft> services, boolean serviceUpstreamForAll) {
        Map<String, UpstreamDraft> out = new LinkedHashMap<>();
        Map<String, List<Service>> k8sServicesByHost = k8sServicesByHost(services);
        for (ServiceDraft s : services) {
            if (out.containsKey(s.host)) continue;
            List<TargetSpec> targets = targets(s, serviceUpstreamForAll);
            Origin origin = s.k8sService != null
                    ? view.originOf("Service", s.backendNamespace, s.backendName).orElse(null) : s.parent.origin();
            ObjectRef source = s.k8sService != null
                    ? ObjectRef.of("Service", s.backendNamespace, s.backendName) : s.parent.ref();
            Map<String, Object> fields = policies.fieldsFor(k8sServicesByHost.getOrDefault(s.host, List.of()),
                    s.upstreamHostHeader);
            out.put(s.host, new UpstreamDraft(s.host, s.tags, fields, targets, source, origin));
        }
        return new ArrayList<>(out.values());
    }

    private List<TargetSpec> targets(ServiceDraft s, boolean serviceUpstreamForAll) {
        Service svc = s.k8sService;
        if (svc == null) return List.of();
        Optional<ServicePort> port = PortResolver.find(svc, s.backendPort);
        if (port.isEmpty()) {
            boolean external = PortResolver.isExternalName(svc);
            String msg = (external ? "ExternalName Service " + s.backendNamespace + "/" + s.backendName
                    + " needs a numeric port, not " + s.backendPort.canonical()
                    : "port " + s.backendPort.canonical() + " not found in Service " + s.backendNamespace + "/"
                    + s.backendName) + "; Kong service " + s.name + " gets no targets";
            String hint = external ? "use backend.service.port.number"
                    : "use a port number, port name or string targetPort that the Service declares";
            diag.reportCluster(Severity.ERROR, "Service", s.backendNamespace, s.backendName, msg, hint);
            for (ManifestObject mo : referrers(s)) diag.report(Severity.ERROR, mo, msg, hint);
            return List.of();
        }
        s.port = port.get().getPort();
        Map<String, String> anns = svc.getMetadata().getAnnotations();
        // KIC's order: service-upstream (annotation or IngressClassParameters) first, then ExternalName
        if (serviceUpstreamForAll || anns != null && "true".equals(anns.get(SERVICE_UPSTREAM_ANNOTATION))) {
            return List.of(Targets.serviceDns(svc, port.get(), clusterDomain));
        }
        if (PortResolver.isExternalName(svc)) {
            return List.of(Targets.externalName(svc, port.get()));
        }
        if (view.targetMode() == ClusterView.TargetMode.SERVICE_DNS) {
            return List.of(Targets.serviceDns(svc, port.get(), clusterDomain));
        }
        List<TargetSpec> targets = Targets.fromEndpointSlices(
                view.endpointSlices(s.backendNamespace, s.backendName), svc, port.get(), drain);
        if (targets.isEmpty()) {
            diag.reportCluster(Severity.WARNING, "Service", s.backendNamespace, s.backendName,
                    "no ready endpoints for port " + s.backendPort.canonical() + ": upstream " + s.host
                            + " has no targets and Kong answers 503 for its routes",
                    "check the Service selector and that its pods are ready (EndpointSlices labelled "
                            + "kubernetes.io/service-name=" + s.backendName + ")");
        }
        return targets;
    }

    /**
     * For each upstream host, the distinct Kubernetes Services behind the Kong services that share it, in the order
     * of {@code services} (one pass: a repository has thousands of Kong services).
     */
    private static Map<String, List<Service>> k8sServicesByHost(List<ServiceDraft> services) {
        Map<String, Map<String, Service>> byHost = new HashMap<>();
        for (ServiceDraft s : services) {
            if (s.k8sService != null) {
                byHost.computeIfAbsent(s.host, h -> new LinkedHashMap<>())
                        .putIfAbsent(s.backendNamespace + "/" + s.backendName, s.k8sService);
            }
        }
        Map<String, List<Service>> out = new HashMap<>();
        byHost.forEach((host, distinct) -> out.put(host, new ArrayList<>(distinct.values())));
        return out;
    }

    private static LinkedHashSet<ManifestObject> referrers(ServiceDraft s) {
        LinkedHashSet<ManifestObject> out = new LinkedHashSet<>();
        for (RouteDraft r : s.routes) out.add(r.source);
        return out;
    }
}
