package io.konggitops.translate.gateway.grpc;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.atc.SniMatchers;
import io.konggitops.translate.gateway.AttachedRoute;
import io.konggitops.translate.gateway.RouteBackends;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.ingress.RouteAnnotations;
import io.konggitops.translate.ingress.ServiceAnnotations;
import io.konggitops.translate.model.BackendDraft;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GRPCRoute → Kong services and routes, in both router flavors (kic-translation §4.7, KIC
 * {@code translate_grpcroute.go}, {@code subtranslator/grpcroute*.go}). Traditional: one Kong service per rule
 * ({@code grpcroute.<ns>.<name>.<rule>}) and one route per match, matching the gRPC path as a regex, headers and
 * hosts, protocols {@code grpc, grpcs}. Expressions: one Kong service per (hostname, rule) and one route per match
 * with an expression and a priority ordered across all GRPCRoutes. A rule whose backendRefs all fail gets KIC's 500
 * request-termination plugin. The GRPCRoute's {@code konghq.com/*} annotations apply to its routes.
 */
public final class GrpcRouteTranslator implements KindTranslator {
    private RouteBackends backends;
    private RouteAnnotations routeAnnotations;

    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        backends = new RouteBackends(ctx.view(), ctx.diag(), ctx.grants(),
                new ServiceAnnotations(ctx.diag(), ctx.view(), ctx.certificates()));
        routeAnnotations = new RouteAnnotations(ctx.diag());
        List<GrpcRouteInput> routes = new ArrayList<>();
        for (AttachedRoute a : ctx.gateway().routes(RouteKind.GRPC_ROUTE)) routes.add(GrpcRouteInput.of(a));
        return ctx.options().target().routerFlavor().expressions() ? expressions(routes) : traditional(routes);
    }

    private List<ServiceDraft> traditional(List<GrpcRouteInput> routes) {
        List<ServiceDraft> out = new ArrayList<>();
        for (GrpcRouteInput route : routes) {
            List<GRPCRouteRule> rules = route.rules();
            for (int i = 0; i < rules.size(); i++) {
                String name = "grpcroute." + route.namespace() + "." + route.name() + "." + i;
                ServiceDraft s = service(route, name, rules.get(i));
                s.routes.addAll(traditionalRoutes(route, i, rules.get(i)));
                backends.populate(s, false);
                out.add(s);
            }
        }
        return out;
    }

    private List<RouteDraft> traditionalRoutes(GrpcRouteInput route, int rule, GRPCRouteRule r) {
        List<RouteDraft> out = new ArrayList<>();
        String prefix = "grpcroute." + route.namespace() + "." + route.name() + "." + rule + ".";
        List<GRPCRouteMatch> matches = r.getMatches() == null ? List.of() : r.getMatches();
        List<String> hosts = route.hostsOrListenerHostnames();
        if (matches.isEmpty()) {
            RouteDraft d = newRoute(prefix + 0, route);
            // Kong needs a host, header or path on a gRPC route: the hostnames, or else a catch-all path
            if (!hosts.isEmpty()) d.hosts = new ArrayList<>(hosts);
            else d.paths.add("/");
            out.add(d);
        }
        for (int j = 0; j < matches.size(); j++) {
            GRPCRouteMatch m = matches.get(j);
            RouteDraft d = newRoute(prefix + j, route);
            d.hosts = new ArrayList<>(hosts);
            if (m.getMethod() != null) d.paths.add(GrpcMatches.traditionalPath(m.getMethod()));
            Map<String, List<String>> headers = GrpcMatches.traditionalHeaders(m.getHeaders());
            if (!headers.isEmpty()) d.headers = headers;
            out.add(d);
        }
        for (RouteDraft d : out) routeAnnotations.apply(d, route.source(), route.annotations());
        return out;
    }

    private static RouteDraft newRoute(String name, GrpcRouteInput route) {
        RouteDraft d = new RouteDraft(name, route.source());
        d.protocols = new ArrayList<>(List.of("grpc", "grpcs"));
        d.stripPath = null;
        d.preserveHost = null;
        d.regexPriority = null;
        d.requestBuffering = null;
        d.responseBuffering = null;
        d.tags = route.tags();
        return d;
    }

    private List<ServiceDraft> expressions(List<GrpcRouteInput> routes) {
        List<GrpcPriorities.Split> splits = new ArrayList<>();
        for (GrpcRouteInput r : routes) splits.addAll(GrpcPriorities.split(r));
        Map<GrpcPriorities.Split, Long> priorities = new IdentityHashMap<>();
        for (GrpcPriorities.Prioritized p : GrpcPriorities.assign(splits)) priorities.put(p.split(), p.priority());
        LinkedHashMap<String, ServiceDraft> services = new LinkedHashMap<>();
        for (GrpcPriorities.Split split : splits) {
            GrpcRouteInput route = split.route();
            GRPCRouteRule rule = route.rules().get(split.rule());
            ServiceDraft s = services.computeIfAbsent(split.serviceName(), n -> service(route, n, rule));
            s.routes.add(expressionRoute(split, priorities.get(split)));
        }
        for (ServiceDraft s : services.values()) backends.populate(s, true);
        return new ArrayList<>(services.values());
    }

    private RouteDraft expressionRoute(GrpcPriorities.Split split, long priority) {
        GrpcRouteInput route = split.route();
        RouteDraft d = new RouteDraft(split.routeName(), route.source());
        d.protocols = route.routeProtocols();
        d.preserveHost = true;
        d.stripPath = null;
        d.regexPriority = null;
        d.requestBuffering = null;
        d.responseBuffering = null;
        d.pathHandling = null;
        d.tags = route.tags();
        String expression = GrpcMatches.expression(split.match(), split.hostname(), snis(route)).expression();
        d.expression = expression.isEmpty() ? GrpcMatches.CATCH_ALL : expression;
        d.priority = priority;
        routeAnnotations.applyToExpressionRoute(d, route.source(), route.annotations());
        return d;
    }

    /** {@code konghq.com/snis} of the GRPCRoute, matched in the expression (KIC {@code ExtractSNIs}). */
    private static List<String> snis(GrpcRouteInput route) {
        return SniMatchers.fromAnnotation(route.annotations().get("konghq.com/snis"));
    }

    /** The Kong service of one rule: its backends, protocol from the listeners, the 500 plugin when none is left. */
    private ServiceDraft service(GrpcRouteInput route, String name, GRPCRouteRule rule) {
        List<RouteBackends.Ref> refs = new ArrayList<>();
        for (GRPCBackendRef b : rule.getBackendRefs() == null ? List.<GRPCBackendRef>of() : rule.getBackendRefs()) {
            refs.add(RouteBackends.Ref.of(b));
        }
        List<BackendDraft> resolved = backends.resolve(route.source(), RouteKind.GRPC_ROUTE, refs);
        ServiceDraft s = new ServiceDraft(name, name, resolved, null, route.source());
        s.protocol = route.serviceProtocol();
        if (resolved.isEmpty() && !refs.isEmpty()) s.plugins.add(RouteBackends.noBackendPlugin(route.source()));
        return s;
    }
}
