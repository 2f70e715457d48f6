package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.GatewayApiStatus;
import io.konggitops.translate.gateway.status.GatewayStatus;
import io.konggitops.translate.gateway.status.ListenerStatus;
import io.konggitops.translate.gateway.status.RouteParentStatus;
import io.konggitops.translate.gateway.status.RouteStatus;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gateway API admission, as KIC's controllers do it (kic-translation §0.1, §4.1-4.2; gateway-api.md §2-3): which
 * GatewayClasses ({@link GatewayClasses}) and Gateways are ours, their listeners ({@link Listeners}), which routes
 * attach to them ({@link Attachment}), the hostnames left after intersection ({@link Hostnames}), the backendRefs
 * ({@link BackendRefs}) and the features not supported ({@link Unsupported}); the CRD defaults ({@link CrdDefaults})
 * are applied first, to copies that the translators then see. Nothing is written to the cluster: the status a
 * controller would write is computed and returned.
 *
 * <p>Which stage reports what: admission reports every problem about GatewayClasses, Gateways, listeners (protocol,
 * route kinds, certificate Secrets, conflicts), attachment (a route not accepted by a parent, a parent not found),
 * unsupported features, and backendRefs of a wrong kind or not permitted by a ReferenceGrant. The route translators
 * never see a route that is not accepted, leave out the backendRefs {@link BackendRefs#permitted} refuses without
 * reporting them again, and report what only translation finds (a missing Service or port, a filter they cannot
 * express) as they do for Ingress.
 */
public final class GatewayAdmission {
    private GatewayAdmission() {
    }

    public static GatewayRoutes admit(Manifests manifests, ClusterView view, TranslateOptions options,
                                      Diagnostics diag) {
        return admit(manifests, view, options, diag, new ReferenceGrants(manifests));
    }

    /** With the repository's ReferenceGrants already read (the translate stage reads them once for every kind). */
    public static GatewayRoutes admit(Manifests manifests, ClusterView view, TranslateOptions options,
                                      Diagnostics diag, ReferenceGrants grants) {
        String controller = options.gateway().controllerName();
        GatewayClasses classes = new GatewayClasses(manifests, controller);
        Map<String, Attachment.OurGateway> ours = new LinkedHashMap<>();
        Set<String> others = new LinkedHashSet<>();
        for (ManifestObject mo : manifests.objects()) {
            if (!(mo.object() instanceof Gateway g)) continue;
            String className = g.getSpec() == null ? null : g.getSpec().getGatewayClassName();
            String key = mo.namespace() + "/" + mo.name();
            if (className != null && classes.ours(className)) {
                ManifestObject defaulted = CrdDefaults.gateway(mo);
                ours.put(key, new Attachment.OurGateway(defaulted, Listeners.check(defaulted, view, grants, diag)));
            } else {
                others.add(key);
                if (className != null && !classes.known(className)) {
                    diag.report(Severity.INFO, mo, "GatewayClass " + className + " is not in the repository, so this "
                                    + "Gateway is not handled by kong-gitops (only classes of the repository are read)",
                            "add the GatewayClass with spec.controllerName: " + controller
                                    + " to the repository if kong-gitops should translate routes attached to it");
                }
            }
        }
        Set<String> tlsPolicyTargets = Unsupported.backendTlsPolicies(manifests, diag);
        Unsupported.kinds(manifests, diag);
        Attachment attachment = new Attachment(ours, view, diag);
        Map<Listeners.Checked, Integer> attachedCounts = new IdentityHashMap<>();
        List<AttachedRoute> routes = new ArrayList<>();
        List<RouteStatus> routeStatuses = new ArrayList<>();
        for (ManifestObject mo : manifests.objects()) {
            RouteKind kind = RouteKind.of(mo.object()).orElse(null);
            if (kind == null) continue;
            ManifestObject route = CrdDefaults.route(mo);
            List<Attachment.Parent> parents = attachment.attach(route, kind);
            if (parents.isEmpty()) {
                orphan(route, kind, others, controller, diag);
                continue;
            }
            List<Unsupported.Finding> unsupported = Unsupported.of(route);
            Unsupported.report(route, unsupported, diag);
            Condition resolved = BackendRefs.resolvedRefs(route, kind, view, grants, diag);
            if (resolved.holds()) resolved = tlsPolicy(route, kind, tlsPolicyTargets, resolved);
            Set<Listeners.Checked> attached = new LinkedHashSet<>();
            List<RouteParentStatus> parentStatuses = new ArrayList<>();
            for (Attachment.Parent p : parents) {
                Condition accepted = p.accepted();
                boolean toGateway = "Gateway".equals(p.ref().kind());
                if (accepted.holds() && !unsupported.isEmpty()) {
                    accepted = Condition.isFalse("Accepted", "UnsupportedValue", String.join("; ",
                            unsupported.stream().map(Unsupported.Finding::message).toList()));
                } else if (!accepted.holds() && toGateway) {
                    diag.report(Severity.WARNING, route, "not accepted by Gateway " + p.ref().namespace() + "/"
                                    + p.ref().name() + (p.ref().sectionName() == null ? ""
                                    : " listener " + p.ref().sectionName()) + " (" + accepted.reason() + "): "
                                    + accepted.message() + "; it is not translated for that parent",
                            hint(accepted.reason()));
                }
                if (accepted.holds()) attached.addAll(p.listeners());
                List<Condition> conditions = toGateway ? List.of(accepted, resolved) : List.of(accepted);
                parentStatuses.add(new RouteParentStatus(p.ref(), controller, conditions));
            }
            routeStatuses.add(new RouteStatus(kind.kind(), route.namespace(), route.name(), parentStatuses));
            for (Listeners.Checked l : attached) attachedCounts.merge(l, 1, Integer::sum);
            List<GatewayListener> usable = attached.stream().filter(Listeners.Checked::usable)
                    .map(Listeners.Checked::listener).toList();
            if (!attached.isEmpty() && usable.isEmpty()) {
                diag.report(Severity.WARNING, route, "attached only to listeners that are not accepted or are in "
                                + "conflict; it is not translated",
                        "fix the listeners (see the Gateway's problems)");
            } else if (!usable.isEmpty()) {
                routes.add(new AttachedRoute(route, kind, Hostnames.narrow(kind.hostnames(route.object()), usable),
                        usable));
            }
        }
        List<AcceptedGateway> accepted = new ArrayList<>();
        List<GatewayStatus> gatewayStatuses = new ArrayList<>();
        for (Attachment.OurGateway g : ours.values()) {
            List<ListenerStatus> listeners = new ArrayList<>();
            for (Listeners.Checked l : g.listeners()) {
                listeners.add(new ListenerStatus(l.listener().name(), attachedCounts.getOrDefault(l, 0),
                        l.conditions()));
            }
            List<GatewayListener> usable = g.listeners().stream().filter(Listeners.Checked::usable)
                    .map(Listeners.Checked::listener).toList();
            gatewayStatuses.add(new GatewayStatus(g.gateway().namespace(), g.gateway().name(),
                    gatewayConditions(g.listeners()), listeners));
            if (!usable.isEmpty()) accepted.add(new AcceptedGateway(g.gateway(), usable));
        }
        return new GatewayRoutes(accepted, routes, new GatewayApiStatus(gatewayStatuses, routeStatuses));
    }

    /**
     * Accepted: True when every listener is valid, True with {@code ListenersNotValid} when some are, False when none
     * is. ResolvedRefs: False ({@code ListenersNotResolved}) when a listener's refs are not resolved. Programmed
     * follows Accepted.
     */
    static List<Condition> gatewayConditions(List<Listeners.Checked> listeners) {
        long valid = listeners.stream().filter(Listeners.Checked::usable).count();
        Condition accepted;
        if (listeners.isEmpty()) {
            accepted = Condition.isFalse("Accepted", "ListenersNotValid", "the Gateway has no listeners");
        } else if (valid == listeners.size()) {
            accepted = Condition.isTrue("Accepted", "Accepted", "");
        } else if (valid > 0) {
            accepted = Condition.isTrue("Accepted", "ListenersNotValid", (listeners.size() - valid) + " of "
                    + listeners.size() + " listeners are not valid");
        } else {
            accepted = Condition.isFalse("Accepted", "ListenersNotValid", "no listener is valid");
        }
        List<String> unresolved = listeners.stream().filter(l -> l.refsReason() != null)
                .map(l -> l.listener().name()).toList();
        Condition resolved = unresolved.isEmpty() ? Condition.isTrue("ResolvedRefs", "ResolvedRefs", "")
                : Condition.isFalse("ResolvedRefs", "ListenersNotResolved", "listeners with unresolved references: "
                + String.join(", ", unresolved));
        Condition programmed = accepted.holds() ? Condition.isTrue("Programmed", "Programmed", "")
                : Condition.isFalse("Programmed", "Invalid", "the Gateway is not accepted");
        return List.of(accepted, resolved, programmed);
    }

    /** A route none of whose parentRefs is a Gateway of ours: say why it is not translated. */
    private static void orphan(ManifestObject route, RouteKind kind, Set<String> others, String controller,
                               Diagnostics diag) {
        List<ParentReference> refs = kind.parentRefs(route.object());
        if (refs.isEmpty()) {
            diag.report(Severity.WARNING, route, "has no parentRefs, so no Gateway accepts it; it is not translated",
                    "add spec.parentRefs naming a Gateway of a GatewayClass with controllerName " + controller);
            return;
        }
        List<String> missing = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (ParentReference p : refs) {
            String ns = p.getNamespace() == null || p.getNamespace().isEmpty() ? route.namespace() : p.getNamespace();
            String key = ns + "/" + p.getName();
            (others.contains(key) ? foreign : missing).add(key);
        }
        if (missing.isEmpty()) {
            diag.report(Severity.INFO, route, "attached only to Gateways of other controllers (" + String.join(", ",
                    foreign) + "); it is not translated by kong-gitops", "");
        } else {
            diag.report(Severity.WARNING, route, "its parent Gateway" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                            + " not in the repository; it is not translated",
                    "add the Gateway (and its GatewayClass with controllerName " + controller
                            + ") to the repository, or fix spec.parentRefs");
        }
    }

    /** Routes to a Service that a BackendTLSPolicy targets cannot be honoured (see {@link Unsupported}). */
    private static Condition tlsPolicy(ManifestObject route, RouteKind kind, Set<String> targets, Condition resolved) {
        List<String> hit = new ArrayList<>();
        for (BackendRefs.Ref b : BackendRefs.of(kind, route.object())) {
            String ns = b.namespace() == null || b.namespace().isEmpty() ? route.namespace() : b.namespace();
            if (targets.contains(ns + "/" + b.name())) hit.add(b.field() + ": Service " + ns + "/" + b.name());
        }
        if (hit.isEmpty()) return resolved;
        return Condition.isFalse("ResolvedRefs", "UnsupportedValue", String.join("; ", hit)
                + " has a BackendTLSPolicy, which kong-gitops does not support");
    }

    private static String hint(String reason) {
        return switch (reason) {
            case "NoMatchingParent" -> "fix the parentRef's sectionName or port to name a listener of the Gateway";
            case "NotAllowedByListeners" -> "allow the route's kind and namespace in the listener's allowedRoutes, "
                    + "or attach the route to another listener";
            case "NoMatchingListenerHostname" -> "use a route hostname that matches a listener hostname";
            default -> "";
        };
    }
}
