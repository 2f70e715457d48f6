package io.konggitops.translate.ingress;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.model.BackendDraft;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongNames;
import io.konggitops.translate.naming.KongTags;
import io.konggitops.translate.tls.Certificates;
import io.konggitops.translate.upstream.PortDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingress (networking.k8s.io/v1) → Kong services and routes (kic-translation §1-§2): class selection, grouping by
 * (Ingress, host, Service, port), paths, default backend, TLS claims, Service and route annotations. Under Kong's
 * expressions router each route gets KIC's expression and priority instead of paths and hosts (§1.12,
 * {@link IngressExpressions}). Upstreams and targets are built afterwards from the returned drafts.
 */
public final class IngressTranslator implements KindTranslator {
    private ClusterView view;
    private Diagnostics diag;
    private Certificates certificates;
    /** Kong runs the expressions router: routes get an expression and a priority (kic-translation §1.12). */
    private boolean expressions;
    /** The rule host and the normalised Ingress paths of each rule route, by route name (for expressions). */
    private final Map<String, RuleMatch> ruleMatches = new LinkedHashMap<>();

    private record RuleMatch(String host, List<IngressExpressions.PathSpec> paths) {
    }

    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        this.view = ctx.view();
        this.diag = ctx.diag();
        this.certificates = ctx.certificates();
        this.expressions = ctx.options().target().routerFlavor().expressions();
        return translate(ctx.manifests(), ctx.options().ingressClass());
    }

    /**
     * Translates the Ingresses of class {@code ingressClass}. They are processed oldest first
     * ({@code creationTimestamp}); Git manifests have none, so ties (the usual case) are ordered by namespace/name.
     */
    private List<ServiceDraft> translate(Manifests manifests, String ingressClass) {
        IngressClassFilter filter = new IngressClassFilter(manifests, ingressClass);
        IngressClassFilter.ClassParameters params = filter.parameters(manifests);
        List<ManifestObject> ingresses = manifests.objects().stream()
                .filter(o -> o.object() instanceof Ingress)
                .filter(o -> filter.accepts(o, diag))
                .sorted(OLDEST_FIRST)
                .toList();

        LinkedHashMap<String, ServiceDraft> services = new LinkedHashMap<>();
        LinkedHashMap<String, RouteDraft> routes = new LinkedHashMap<>();
        for (ManifestObject mo : ingresses) {
            addIngress(mo, params, services, routes);
        }
        addDefaultBackend(ingresses, services, params);
        rejectRewrites(services);
        RouteAnnotations routeAnnotations = new RouteAnnotations(diag);
        ServiceAnnotations serviceAnnotations = new ServiceAnnotations(diag, view, certificates);
        IngressExpressions expressionBuilder = new IngressExpressions(diag);
        for (ServiceDraft s : services.values()) {
            populate(s, serviceAnnotations);
            for (RouteDraft r : s.routes) {
                Map<String, String> anns = annotations(r.source);
                if (!expressions) {
                    routeAnnotations.apply(r, r.source, anns);
                    continue;
                }
                routeAnnotations.applyToExpressionRoute(r, r.source, anns);
                RuleMatch match = ruleMatches.get(r.name);
                if (match == null) {
                    IngressExpressions.applyDefaultBackend(r);
                } else {
                    expressionBuilder.apply(r, r.source, match.host(), match.paths(), anns);
                }
            }
        }
        return List.copyOf(services.values());
    }

    static final Comparator<ManifestObject> OLDEST_FIRST = Comparator
            .comparing((ManifestObject o) -> o.object().getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ManifestObject::namespace)
            .thenComparing(ManifestObject::name);

    private void addIngress(ManifestObject mo, IngressClassFilter.ClassParameters params,
                            Map<String, ServiceDraft> services, Map<String, RouteDraft> routes) {
        Ingress ing = (Ingress) mo.object();
        Map<String, String> anns = annotations(mo);
        if (anns.containsKey(IngressAnnotations.OVERRIDE)) {
            diag.report(Severity.WARNING, mo, "annotation " + IngressAnnotations.OVERRIDE + " is not supported yet; "
                    + "it is ignored", "KongIngress is deprecated; use KongUpstreamPolicy");
        }
        String regexPrefix = anns.getOrDefault(IngressAnnotations.REGEX_PREFIX, IngressPaths.DEFAULT_REGEX_PREFIX);
        String ns = mo.namespace();
        List<IngressRule> rules = ing.getSpec() == null || ing.getSpec().getRules() == null
                ? List.of() : ing.getSpec().getRules();
        for (IngressRule rule : rules) {
            HTTPIngressRuleValue http = rule.getHttp();
            if (http == null || http.getPaths() == null || http.getPaths().isEmpty()) continue;
            String host = rule.getHost() == null ? "" : rule.getHost();
            for (HTTPIngressPath p : http.getPaths()) {
                IngressServiceBackend backend = backendService(mo, p.getBackend(), p.getPath());
                if (backend == null) continue;
                PortDef port = portDef(backend.getPort());
                String routeName = KongNames.ingressRoute(ns, mo.name(), backend.getName(), host, port);
                String serviceName = KongNames.ingressService(ns, backend.getName(), port);
                ServiceDraft service = services.computeIfAbsent(serviceName, n -> newService(n, ns,
                        backend.getName(), port, "/", mo, params));
                RouteDraft route = routes.get(routeName);
                if (route == null) {
                    route = new RouteDraft(routeName, mo);
                    if (!host.isEmpty()) route.hosts.add(host);
                    route.protocols = RouteAnnotations.initialProtocols(anns);
                    route.tags = KongTags.forObject(ing);
                    routes.put(routeName, route);
                    service.routes.add(route);
                }
                route.paths.addAll(IngressPaths.kongPaths(p.getPath(), p.getPathType(), regexPrefix,
                        params.enableLegacyRegexDetection()));
                String h = host;
                ruleMatches.computeIfAbsent(routeName, n -> new RuleMatch(h, new ArrayList<>())).paths()
                        .add(new IngressExpressions.PathSpec(IngressPaths.normalisePath(p.getPath()),
                                p.getPathType() == null || p.getPathType().isEmpty() ? "ImplementationSpecific"
                                        : p.getPathType()));
            }
        }
        List<IngressTLS> tls = ing.getSpec() == null || ing.getSpec().getTls() == null
                ? List.of() : ing.getSpec().getTls();
        for (IngressTLS t : tls) {
            if (t.getHosts() == null || t.getHosts().isEmpty() || t.getSecretName() == null
                    || t.getSecretName().isEmpty()) {
                continue;
            }
            certificates.addIngressTls(mo, t.getSecretName(), t.getHosts());
        }
    }

    private IngressServiceBackend backendService(ManifestObject mo, IngressBackend backend, String path) {
        if (backend != null && backend.getService() != null) return backend.getService();
        String what = backend != null && backend.getResource() != null
                ? "resource backends (" + backend.getResource().getKind() + ") are not supported"
                : "no Service or Resource specified";
        diag.report(Severity.ERROR, mo, "failed to get backend for ingress path \"" + (path == null ? "" : path)
                + "\": " + what, "use backend.service with a Service name and port");
        return null;
    }

    /** One Kong service per (namespace, Service, port): its single backend carries no weight. */
    private static ServiceDraft newService(String name, String ns, String backendName, PortDef port, String path,
                                           ManifestObject parent, IngressClassFilter.ClassParameters params) {
        ServiceDraft s = new ServiceDraft(name, KongNames.serviceHost(backendName, ns, port),
                List.of(new BackendDraft(ns, backendName, port, null)), path, parent);
        s.serviceUpstream = params.serviceUpstream();
        return s;
    }

    static PortDef portDef(ServiceBackendPort port) {
        if (port == null) return PortDef.implicit();
        if (port.getNumber() != null && port.getNumber() != 0) return PortDef.number(port.getNumber());
        if (port.getName() != null && !port.getName().isEmpty()) return PortDef.name(port.getName());
        return PortDef.implicit();
    }

    /** KIC {@code getDefaultBackendService}: only the oldest Ingress with a defaultBackend counts. */
    private void addDefaultBackend(List<ManifestObject> ingresses, Map<String, ServiceDraft> services,
                                   IngressClassFilter.ClassParameters params) {
        boolean used = false;
        for (ManifestObject mo : ingresses) {
            Ingress ing = (Ingress) mo.object();
            IngressBackend def = ing.getSpec() == null ? null : ing.getSpec().getDefaultBackend();
            if (def == null) continue;
            if (used) {
                diag.report(Severity.WARNING, mo, "spec.defaultBackend is ignored: only the oldest Ingress's "
                        + "default backend is used (as in KIC)", "keep one defaultBackend for the whole class");
                continue;
            }
            IngressServiceBackend backend = backendService(mo, def, "(default backend)");
            if (backend == null) continue;
            used = true;
            String ns = mo.namespace();
            PortDef port = portDef(backend.getPort());
            ServiceDraft service = services.computeIfAbsent(KongNames.ingressService(ns, backend.getName(), port),
                    n -> newService(n, ns, backend.getName(), port, null, mo, params));
            RouteDraft route = new RouteDraft(KongNames.defaultBackendRoute(ns, mo.name()), mo);
            route.paths.add("/");
            route.tags = KongTags.forObject(ing);
            service.routes.add(route);
        }
    }

    /** {@code konghq.com/rewrite} needs KIC's RewriteURIs feature gate (default off): KIC rejects the Kong service. */
    private void rejectRewrites(Map<String, ServiceDraft> services) {
        services.values().removeIf(s -> {
            LinkedHashSet<ManifestObject> offending = new LinkedHashSet<>();
            for (RouteDraft r : s.routes) {
                if (annotations(r.source).containsKey(IngressAnnotations.REWRITE)) offending.add(r.source);
            }
            for (ManifestObject mo : offending) {
                diag.report(Severity.ERROR, mo, "annotation " + IngressAnnotations.REWRITE + " is not supported "
                        + "(KIC's RewriteURIs feature gate is off by default); Kong service " + s.name
                        + " and its routes are left out, as KIC does", "remove " + IngressAnnotations.REWRITE);
            }
            return !offending.isEmpty();
        });
    }

    /** Attaches the Kubernetes Service: tags and annotations; a missing one gets KIC's UNKNOWN tags and an error. */
    private void populate(ServiceDraft s, ServiceAnnotations serviceAnnotations) {
        BackendDraft backend = s.backend();
        Optional<Service> svc = view.service(backend.namespace, backend.name);
        if (svc.isEmpty()) {
            s.tags = KongTags.UNKNOWN_SERVICE;
            LinkedHashSet<ManifestObject> referrers = new LinkedHashSet<>();
            for (RouteDraft r : s.routes) referrers.add(r.source);
            for (ManifestObject mo : referrers) {
                diag.report(Severity.ERROR, mo, "failed to resolve Kubernetes Service for backend: Service "
                        + backend.key() + " not found", "create the Service or fix "
                        + "backend.service.name; Kong service " + s.name + " has no targets until then");
            }
            return;
        }
        s.k8sService = svc.get();
        backend.k8sService = svc.get();
        s.tags = KongTags.forObject(svc.get());
        serviceAnnotations.apply(s, svc.get());
    }

    static Map<String, String> annotations(ManifestObject mo) {
        Map<String, String> a = mo.object().getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }
}
