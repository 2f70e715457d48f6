package io.konggitops.translate.upstream;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.model.BackendDraft;
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
 * KIC {@code getUpstreams} (kic-translation §5): one upstream per distinct Kong service host, its targets from every
 * backend of the Kong service, weighted as KIC weighs Gateway API backendRefs. The port of each Kong service is the
 * matched ServicePort's {@code port} (of the last backend that resolves, as in KIC); it is returned, not written into
 * the drafts.
 */
public final class UpstreamBuilder {
    public static final String SERVICE_UPSTREAM_ANNOTATION = "ingress.kubernetes.io/service-upstream";
    /** What an unset weight counts for when two backends share a target (KIC issue 5761). */
    private static final long DEFAULT_TARGET_WEIGHT = 100;

    /** The upstreams, and the port of each Kong service (by name) whose backend port resolved. */
    public record Result(List<UpstreamDraft> upstreams, Map<String, Integer> servicePorts) {
    }

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

    public Result build(List<ServiceDraft> services) {
        Map<String, List<Service>> k8sByHost = k8sServicesByHost(services);
        Map<String, UpstreamDraft> out = new LinkedHashMap<>();
        Map<String, Integer> ports = new HashMap<>();
        for (ServiceDraft s : services) {
            if (out.containsKey(s.host)) continue;
            List<TargetSpec> targets = targets(s, ports);
            Origin origin = s.k8sService != null ? view.originOf("Service", s.k8sService.getMetadata().getNamespace(),
                    s.k8sService.getMetadata().getName()).orElse(null) : s.parent.origin();
            ObjectRef source = s.k8sService != null ? ObjectRef.of("Service",
                    s.k8sService.getMetadata().getNamespace(), s.k8sService.getMetadata().getName()) : s.parent.ref();
            Map<String, Object> fields = policies.fieldsFor(k8sByHost.getOrDefault(s.host, List.of()),
                    s.upstreamHostHeader);
            out.put(s.host, new UpstreamDraft(s.host, s.tags, fields, targets, source, origin));
        }
        // Kong services sharing an upstream share its port too
        Map<String, Integer> hostPorts = new HashMap<>();
        for (ServiceDraft s : services) {
            if (ports.containsKey(s.name)) hostPorts.putIfAbsent(s.host, ports.get(s.name));
        }
        for (ServiceDraft s : services) {
            if (!ports.containsKey(s.name) && hostPorts.containsKey(s.host)) ports.put(s.name, hostPorts.get(s.host));
        }
        return new Result(new ArrayList<>(out.values()), ports);
    }

    /** Targets of all backends; the same {@code ip:port} from two backends is one target with the summed weight. */
    private List<TargetSpec> targets(ServiceDraft s, Map<String, Integer> ports) {
        Map<String, TargetSpec> merged = new LinkedHashMap<>();
        boolean weighted = s.backends.stream().anyMatch(b -> b.weight != null);
        for (BackendDraft b : s.backends) {
            List<TargetSpec> ts = backendTargets(s, b, ports);
            if (weighted) ts = weigh(ts, b.weight);
            for (TargetSpec t : ts) {
                merged.merge(t.target(), t, (a, c) -> new TargetSpec(a.target(), weightOf(a) + weightOf(c)));
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static long weightOf(TargetSpec t) {
        return t.weight() == null ? DEFAULT_TARGET_WEIGHT : t.weight();
    }

    /**
     * KIC: a backend of weight W with N targets that are not draining gives each {@code max(1, W / N)}; weight 0 gives
     * 0 to all; draining targets keep weight 0.
     */
    private static List<TargetSpec> weigh(List<TargetSpec> targets, Integer weight) {
        if (weight == null) return targets;
        long live = targets.stream().filter(t -> t.weight() == null || t.weight() != 0).count();
        List<TargetSpec> out = new ArrayList<>();
        for (TargetSpec t : targets) {
            boolean draining = t.weight() != null && t.weight() == 0;
            long w = weight == 0 || draining ? 0 : Math.max(1, weight / Math.max(1, live));
            out.add(new TargetSpec(t.target(), w));
        }
        return out;
    }

    private List<TargetSpec> backendTargets(ServiceDraft s, BackendDraft b, Map<String, Integer> ports) {
        Service svc = b.k8sService;
        if (svc == null) return List.of();
        Optional<ServicePort> port = PortResolver.find(svc, b.port);
        if (port.isEmpty()) {
            boolean external = PortResolver.isExternalName(svc);
            String msg = (external ? "ExternalName Service " + b.key() + " needs a numeric port, not "
                    + b.port.canonical() : "port " + b.port.canonical() + " not found in Service " + b.key())
                    + "; Kong service " + s.name + " gets no targets" + (s.backends.size() == 1 ? "" : " from it");
            String hint = external ? ("Ingress".equals(s.parent.kind()) ? "use backend.service.port.number"
                    : "give the backendRef a port number")
                    : "use a port number, port name or string targetPort that the Service declares";
            diag.reportCluster(Severity.ERROR, "Service", b.namespace, b.name, msg, hint);
            for (ManifestObject mo : referrers(s)) diag.report(Severity.ERROR, mo, msg, hint);
            return List.of();
        }
        ports.put(s.name, port.get().getPort());
        Map<String, String> anns = svc.getMetadata().getAnnotations();
        // KIC's order: service-upstream (annotation or IngressClassParameters) first, then ExternalName
        if (s.serviceUpstream || anns != null && "true".equals(anns.get(SERVICE_UPSTREAM_ANNOTATION))) {
            return List.of(Targets.serviceDns(svc, port.get(), clusterDomain));
        }
        if (PortResolver.isExternalName(svc)) {
            return List.of(Targets.externalName(svc, port.get()));
        }
        if (view.targetMode() == ClusterView.TargetMode.SERVICE_DNS) {
            return List.of(Targets.serviceDns(svc, port.get(), clusterDomain));
        }
        List<TargetSpec> targets = Targets.fromEndpointSlices(view.endpointSlices(b.namespace, b.name), svc,
                port.get(), drain);
        if (targets.isEmpty()) {
            diag.reportCluster(Severity.WARNING, "Service", b.namespace, b.name,
                    "no ready endpoints for port " + b.port.canonical() + ": upstream " + s.host
                            + " has no targets" + (s.backends.size() == 1 ? " and Kong answers 503 for its routes"
                            : " from it"),
                    "check the Service selector and that its pods are ready (EndpointSlices labelled "
                            + "kubernetes.io/service-name=" + b.name + ")");
        }
        return targets;
    }

    /** The distinct Kubernetes Services behind the Kong services of each upstream host. */
    private static Map<String, List<Service>> k8sServicesByHost(List<ServiceDraft> services) {
        Map<String, Map<String, Service>> byHost = new LinkedHashMap<>();
        for (ServiceDraft s : services) {
            Map<String, Service> m = byHost.computeIfAbsent(s.host, h -> new LinkedHashMap<>());
            for (BackendDraft b : s.backends) {
                if (b.k8sService != null) m.putIfAbsent(b.key(), b.k8sService);
            }
        }
        Map<String, List<Service>> out = new HashMap<>();
        byHost.forEach((h, m) -> out.put(h, new ArrayList<>(m.values())));
        return out;
    }

    private static LinkedHashSet<ManifestObject> referrers(ServiceDraft s) {
        LinkedHashSet<ManifestObject> out = new LinkedHashSet<>();
        for (RouteDraft r : s.routes) out.add(r.source);
        if (out.isEmpty()) out.add(s.parent);
        return out;
    }
}
