package io.konggitops.translate.gateway.stream;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.atc.Field;
import io.konggitops.translate.atc.Matcher;
import io.konggitops.translate.atc.Op;
import io.konggitops.translate.atc.SniMatchers;
import io.konggitops.translate.gateway.AttachedRoute;
import io.konggitops.translate.gateway.GatewayListener;
import io.konggitops.translate.gateway.RouteBackends;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.ingress.RouteAnnotations;
import io.konggitops.translate.ingress.ServiceAnnotations;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TCPRoute, UDPRoute and TLSRoute → Kong stream services and routes (kic-translation §4.7, KIC
 * {@code translate_tcproute.go}, {@code translate_udproute.go}, {@code translate_tlsroute.go},
 * {@code translate_routes_helpers.go}, {@code l4route_atc.go}). One Kong service per rule
 * ({@code <kind>.<ns>.<name>.<rule>}, protocol tcp/udp; tcp for TLS) with one route {@code ...<rule>.0}: TCP and UDP
 * routes match the ports of the route's TCP/UDP listeners ({@code destinations}), TLS routes the hostnames as SNIs
 * ({@code tls}, or {@code tls_passthrough} when a listener passes TLS through). Under the expressions router the same
 * route matches {@code tls.sni} / {@code net.dst.port} in an expression at priority 1.
 */
final class StreamRoutes {
    private final RouteKind kind;
    private final String serviceProtocol;
    private final String listenerProtocol;

    StreamRoutes(RouteKind kind, String serviceProtocol, String listenerProtocol) {
        this.kind = kind;
        this.serviceProtocol = serviceProtocol;
        this.listenerProtocol = listenerProtocol;
    }

    List<ServiceDraft> translate(TranslationContext ctx) {
        RouteBackends backends = new RouteBackends(ctx.view(), ctx.diag(), ctx.grants(),
                new ServiceAnnotations(ctx.diag(), ctx.view(), ctx.certificates()));
        RouteAnnotations annotations = new RouteAnnotations(ctx.diag());
        boolean expressions = ctx.options().target().routerFlavor().expressions();
        List<ServiceDraft> out = new ArrayList<>();
        for (AttachedRoute a : ctx.gateway().routes(kind)) {
            StreamRouteInput in = StreamRouteInput.of(a);
            ManifestObject source = a.route();
            if (kind == RouteKind.TLS_ROUTE && a.hostnames().isEmpty()) {
                fail(ctx, source, "no hostnames provided", "give the TLSRoute spec.hostnames (they become the SNIs)");
                continue;
            }
            if (in.rules().isEmpty()) {
                fail(ctx, source, "no rules provided", "add a rule with backendRefs");
                continue;
            }
            for (int i = 0; i < in.rules().size(); i++) {
                StreamRouteInput.Rule rule = in.rules().get(i);
                if (kind != RouteKind.TLS_ROUTE && rule.backendRefs().isEmpty()) {
                    // KIC stops at the first such rule; the rules before it stay translated
                    fail(ctx, source, kind.kind() + " rules must include at least one backendRef (spec.rules[" + i
                            + "])", "add backendRefs to every rule");
                    break;
                }
                String name = kind.namePrefix() + "." + source.namespace() + "." + source.name() + "." + i;
                List<RouteBackends.Ref> refs = new ArrayList<>();
                for (BackendRef b : rule.backendRefs()) refs.add(RouteBackends.Ref.of(b));
                ServiceDraft s = new ServiceDraft(name, name, backends.resolve(source, kind, refs), null, source);
                s.protocol = serviceProtocol;
                RouteDraft r = route(a, name + ".0", rule);
                if (expressions) {
                    toExpression(r);
                    annotations.applyToExpressionRoute(r, source, annotations(source));
                } else {
                    annotations.apply(r, source, annotations(source));
                }
                s.routes.add(r);
                backends.populate(s, true);
                out.add(s);
            }
        }
        return out;
    }

    private RouteDraft route(AttachedRoute a, String name, StreamRouteInput.Rule rule) {
        RouteDraft r = new RouteDraft(name, a.route());
        r.stripPath = null;
        r.preserveHost = null;
        r.regexPriority = null;
        r.requestBuffering = null;
        r.responseBuffering = null;
        String ruleName = rule.name() == null ? "" : rule.name().trim();
        r.tags = KongTags.forObject(a.route().object(),
                ruleName.isEmpty() ? List.of() : List.of("k8s-named-route-rule:" + ruleName));
        if (kind == RouteKind.TLS_ROUTE) {
            boolean passthrough = a.listeners().stream().anyMatch(l -> "Passthrough".equals(l.tlsMode()));
            r.protocols = new ArrayList<>(List.of(passthrough ? "tls_passthrough" : "tls"));
            r.snis = new ArrayList<>(a.hostnames());
        } else {
            r.protocols = new ArrayList<>(List.of(serviceProtocol));
            List<Map<String, Object>> destinations = new ArrayList<>();
            for (GatewayListener l : a.listeners()) {
                if (listenerProtocol.equals(l.protocol())) destinations.add(Map.of("port", l.port()));
            }
            r.destinations = destinations.isEmpty() ? null : destinations;
        }
        return r;
    }

    /** KIC {@code ApplyExpressionToL4KongRoute}: SNIs OR-ed, ports OR-ed, AND-ed; priority 1. */
    static void toExpression(RouteDraft r) {
        List<Matcher> ports = new ArrayList<>();
        if (r.destinations != null) {
            for (Map<String, Object> d : r.destinations) {
                ports.add(Matcher.predicate(Field.NET_DST_PORT, Op.EQUALS, d.get("port")));
            }
        }
        r.expression = Matcher.and(SniMatchers.anyOf(r.snis == null ? List.of() : r.snis), new Matcher.Or(ports))
                .expression();
        r.priority = 1L;
        r.destinations = null;
        r.snis = null;
        r.pathHandling = null;
    }

    private void fail(TranslationContext ctx, ManifestObject source, String why, String hint) {
        ctx.diag().report(Severity.ERROR, source, kind.kind() + " can't be routed: " + why + "; it is left out, as "
                + "KIC does", hint);
    }

    private static Map<String, String> annotations(ManifestObject mo) {
        Map<String, String> a = mo.object().getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }
}
