package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.konggitops.problem.Severity;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.gateway.AttachedRoute;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.ingress.RouteAnnotations;
import io.konggitops.translate.ingress.ServiceAnnotations;
import io.konggitops.translate.model.BackendDraft;
import io.konggitops.translate.model.PluginDraft;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.upstream.policy.UpstreamPolicies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * HTTPRoute → Kong services and routes, in both router flavors (kic-translation §4.3-4.6): the routes admission
 * accepted (hostnames narrowed), one Kong service per group of rules with the same backendRefs, then routes per match
 * group (traditional) or per (hostname × rule × match) with an expression and a priority (expressions), filters as
 * route plugins, {@code timeouts.backendRequest} on the service, and the HTTPRoute's {@code konghq.com/*} annotations
 * on its routes. A group that cannot be translated is left out with an error on the HTTPRoute, as KIC does.
 */
public final class HttpRouteTranslator implements KindTranslator {
    private static final long DEFAULT_TIMEOUT = 60000;

    private Diagnostics diag;

    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        this.diag = ctx.diag();
        boolean expressions = ctx.options().target().routerFlavor().expressions();
        boolean redirectPlugin = UpstreamPolicies.atLeast(ctx.options().target().version(), 3, 9);
        List<HttpRouteInput> routes = new ArrayList<>();
        for (AttachedRoute a : ctx.gateway().routes(RouteKind.HTTP_ROUTE)) {
            HttpRouteInput in = HttpRouteInput.of(a);
            if (valid(in, expressions)) routes.add(in);
        }
        Map<String, List<HttpPriorities.Prioritized>> byRule = new LinkedHashMap<>();
        if (expressions) {
            List<SplitMatch> splits = new ArrayList<>();
            for (HttpRouteInput r : routes) splits.addAll(SplitMatch.split(r));
            for (HttpPriorities.Prioritized p : HttpPriorities.assign(splits)) {
                byRule.computeIfAbsent(p.split().ruleKey(), k -> new ArrayList<>()).add(p);
            }
        }
        HttpBackends backends = new HttpBackends(ctx.view(), diag, ctx.grants(),
                new ServiceAnnotations(diag, ctx.view(), ctx.certificates()));
        RouteAnnotations routeAnnotations = new RouteAnnotations(diag);
        TraditionalRoutes traditional = new TraditionalRoutes(redirectPlugin);
        List<ServiceDraft> out = new ArrayList<>();
        for (HttpRouteInput route : routes) {
            for (HttpRuleGroup group : HttpRuleGroup.of(route)) {
                try {
                    ServiceDraft s = service(group, backends);
                    s.routes.addAll(expressions ? expressionRoutes(group, byRule, redirectPlugin)
                            : traditional.routes(group));
                    if (!backends.populate(s)) continue;
                    for (RouteDraft r : s.routes) routeAnnotations.apply(r, route.source(), route.annotations());
                    out.add(s);
                } catch (RuleGroupFailure f) {
                    if (!f.reportedByAdmission) {
                        diag.report(Severity.ERROR, route.source(), "HTTPRoute can't be routed: " + f.getMessage()
                                + "; Kong service " + group.serviceName() + " and its routes are left out, as KIC "
                                + "does", f.hint);
                    }
                }
            }
        }
        return out;
    }

    /** KIC {@code validateHTTPRoute}: rules are required; query param matches need the expressions router. */
    private boolean valid(HttpRouteInput route, boolean expressions) {
        if (route.rules().isEmpty()) {
            diag.report(Severity.ERROR, route.source(), "HTTPRoute can't be routed: no rules provided",
                    "add at least one rule with backendRefs");
            return false;
        }
        if (expressions) return true;
        for (HTTPRouteRule rule : route.rules()) {
            for (HTTPRouteMatch m : rule.getMatches() == null ? List.<HTTPRouteMatch>of() : rule.getMatches()) {
                if (m.getQueryParams() != null && !m.getQueryParams().isEmpty()) {
                    diag.report(Severity.ERROR, route.source(), "HTTPRoute can't be routed: query param matches "
                                    + "are not supported by the traditional router (spec.rules[].matches[].queryParams); "
                                    + "nothing of this HTTPRoute is translated, as in KIC",
                            "run Kong with router_flavor expressions (or --router-flavor expressions), or remove "
                                    + "the queryParams matches");
                    return false;
                }
            }
        }
        return true;
    }

    /** The Kong service of a rule group: backends of its first rule, the 500 plugin, timeouts. */
    private ServiceDraft service(HttpRuleGroup group, HttpBackends backends) {
        HttpRouteInput route = group.route();
        List<HTTPBackendRef> refs = group.rules().get(0).rule().getBackendRefs();
        List<BackendDraft> resolved = backends.resolve(route, refs);
        String name = group.serviceName();
        ServiceDraft s = new ServiceDraft(name, name, resolved, null, route.source());
        if (resolved.isEmpty() && refs != null && !refs.isEmpty()) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("status_code", 500);
            config.put("message", "no existing backendRef provided");
            s.plugins.add(new PluginDraft("request-termination", config, List.of(), route.source()));
        }
        for (HttpRuleGroup.Indexed r : group.rules()) applyTimeout(s, r.rule());
        return s;
    }

    /** {@code timeouts.backendRequest} → connect, read and write timeouts, unless it is 60 s (the last rule wins). */
    private static void applyTimeout(ServiceDraft s, HTTPRouteRule rule) {
        if (rule.getTimeouts() == null) return;
        long timeout = DEFAULT_TIMEOUT;
        if (rule.getTimeouts().getBackendRequest() != null) {
            OptionalLong ms = GoDurations.millis(rule.getTimeouts().getBackendRequest());
            if (ms.isEmpty()) return;
            timeout = ms.getAsLong();
        }
        if (timeout == DEFAULT_TIMEOUT) return;
        s.connectTimeout = timeout;
        s.readTimeout = timeout;
        s.writeTimeout = timeout;
    }

    /** One expression route per split match of the group's rules, with the priority computed across all routes. */
    private static List<RouteDraft> expressionRoutes(HttpRuleGroup group,
                                                     Map<String, List<HttpPriorities.Prioritized>> byRule,
                                                     boolean redirectPlugin) throws RuleGroupFailure {
        List<RouteDraft> out = new ArrayList<>();
        for (HttpRuleGroup.Indexed rule : group.rules()) {
            for (HttpPriorities.Prioritized p : byRule.getOrDefault(HttpRuleGroup.ruleKey(group.route(),
                    rule.index()), List.of())) {
                out.add(expressionRoute(p, rule.rule(), redirectPlugin));
            }
        }
        return out;
    }

    private static RouteDraft expressionRoute(HttpPriorities.Prioritized p, HTTPRouteRule rule,
                                              boolean redirectPlugin) throws RuleGroupFailure {
        SplitMatch s = p.split();
        HttpRouteInput route = s.route();
        String host = s.hostname().isEmpty() ? "_" : s.hostname().replace("*", "_");
        RouteDraft r = TraditionalRoutes.gatewayRoute(route, "httproute." + route.namespace() + "." + route.name()
                + "." + host + "." + s.rule() + "." + s.matchIndex());
        r.tags = route.tags(s.ruleName() == null ? List.of() : List.of(s.ruleName()));
        List<HTTPRouteFilter> filters = rule.getFilters();
        boolean prefixRewrite = filters != null && filters.stream().anyMatch(f -> "URLRewrite".equals(f.getType())
                && f.getUrlRewrite() != null && f.getUrlRewrite().getPath() != null
                && "ReplacePrefixMatch".equals(f.getUrlRewrite().getPath().getType()));
        r.expression = HttpExpressions.expression(s.hostname(), route.annotations(), s.match(), prefixRewrite);
        r.priority = p.priority();
        HttpFilters.translate(filters, s.pathValue(), new HttpFilters.Context(route.source(), r.tags, true,
                redirectPlugin)).applyTo(r);
        return r;
    }
}
