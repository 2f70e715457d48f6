package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.konggitops.translate.model.RouteDraft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kong routes of one rule group for the traditional routers (kic-translation §4.4, KIC
 * {@code translateHTTPRouteRulesMetaToKongstateRoutes}): rules with equal filters are grouped; their matches with the
 * same method, headers and query params become one route holding all their paths, named after the first match
 * ({@code httproute.<ns>.<name>.<rule>.<match>}); a rule without matches gives a route with only its hosts.
 */
final class TraditionalRoutes {
    private final boolean redirectPlugin;

    TraditionalRoutes(boolean redirectPlugin) {
        this.redirectPlugin = redirectPlugin;
    }

    /** One match with where it came from. */
    private record MatchRef(HTTPRouteMatch match, int rule, int index, String ruleName) {
    }

    List<RouteDraft> routes(HttpRuleGroup group) throws RuleGroupFailure {
        HttpRouteInput route = group.route();
        Map<String, List<HttpRuleGroup.Indexed>> byFilters = new LinkedHashMap<>();
        for (HttpRuleGroup.Indexed r : group.rules()) {
            byFilters.computeIfAbsent(HttpRuleGroup.setKey(r.rule().getFilters()), k -> new ArrayList<>()).add(r);
        }
        List<RouteDraft> out = new ArrayList<>();
        for (List<HttpRuleGroup.Indexed> rules : byFilters.values()) {
            List<HTTPRouteFilter> filters = rules.get(0).rule().getFilters();
            Map<String, List<MatchRef>> byKey = new LinkedHashMap<>();
            for (HttpRuleGroup.Indexed r : rules) {
                List<HTTPRouteMatch> matches = r.rule().getMatches() == null ? List.of() : r.rule().getMatches();
                for (int m = 0; m < matches.size(); m++) {
                    byKey.computeIfAbsent(matchKey(route, matches.get(m)), k -> new ArrayList<>())
                            .add(new MatchRef(matches.get(m), r.index(), m, r.rule().getName()));
                }
                if (matches.isEmpty()) out.add(hostsOnly(route, r.index()));
            }
            for (List<MatchRef> matches : byKey.values()) out.addAll(fromMatches(route, matches, filters));
        }
        return out;
    }

    /** A rule without matches: its hosts (or a catch-all), no filters applied, strip_path left to Kong. */
    private static RouteDraft hostsOnly(HttpRouteInput route, int rule) {
        RouteDraft r = newRoute(route, "httproute." + route.namespace() + "." + route.name() + "." + rule + ".0");
        r.tags = route.tags(List.of());
        r.stripPath = null;
        return r;
    }

    private List<RouteDraft> fromMatches(HttpRouteInput route, List<MatchRef> matches, List<HTTPRouteFilter> filters)
            throws RuleGroupFailure {
        MatchRef first = matches.get(0);
        RouteDraft r = newRoute(route, "httproute." + route.namespace() + "." + route.name() + "." + first.rule()
                + "." + first.index());
        List<String> names = new ArrayList<>();
        for (MatchRef m : matches) names.add(m.ruleName());
        r.tags = route.tags(names);
        r.headers = headers(first.match().getHeaders());
        HttpFilters.Context ctx = new HttpFilters.Context(route.source(), r.tags, false, redirectPlugin);
        boolean redirect = filters != null && filters.stream().anyMatch(f -> "RequestRedirect".equals(f.getType()));
        if (redirect) {
            // KIC makes one route per match here, all named after the first match; Kong rejects the duplicates (in
            // DB-less mode the whole configuration). Such a group is left out with an error instead.
            if (matches.size() > 1) {
                throw new RuleGroupFailure("a rule with a RequestRedirect filter has " + matches.size() + " matches "
                        + "that KIC turns into Kong routes all named " + r.name + ", which Kong rejects",
                        "give a rule with a RequestRedirect filter a single match (or split it into rules)");
            }
            addMatch(r, first.match(), new HashSet<>());
            HTTPPathMatch p = first.match().getPath();
            HttpFilters.translate(filters, p == null ? "" : nonNull(p.getValue()), ctx).applyTo(r);
            return List.of(r);
        }
        Set<String> methods = new HashSet<>();
        for (MatchRef m : matches) addMatch(r, m.match(), methods);
        String rewritePath = "";
        if (filters != null && filters.stream().anyMatch(TraditionalRoutes::prefixRewriteWithReplacement)) {
            HTTPPathMatch p = first.match().getPath();
            if (p != null && p.getValue() != null) rewritePath = p.getValue();
        }
        HttpFilters.translate(filters, rewritePath, ctx).applyTo(r);
        return List.of(r);
    }

    private static boolean prefixRewriteWithReplacement(HTTPRouteFilter f) {
        return "URLRewrite".equals(f.getType()) && f.getUrlRewrite() != null && f.getUrlRewrite().getPath() != null
                && "ReplacePrefixMatch".equals(f.getUrlRewrite().getPath().getType())
                && f.getUrlRewrite().getPath().getReplacePrefixMatch() != null;
    }

    private static RouteDraft newRoute(HttpRouteInput route, String name) {
        RouteDraft r = gatewayRoute(route, name);
        r.hosts = new ArrayList<>(route.hostnames());
        return r;
    }

    /**
     * A Kong route of an HTTPRoute with the fields KIC sets: the listeners' protocols, {@code preserve_host: true},
     * {@code strip_path: false} (the Gateway API default); regex priority, buffering and path handling left unset.
     */
    static RouteDraft gatewayRoute(HttpRouteInput route, String name) {
        RouteDraft r = new RouteDraft(name, route.source());
        r.protocols = route.protocols();
        r.preserveHost = true;
        r.stripPath = false;
        r.regexPriority = null;
        r.requestBuffering = null;
        r.responseBuffering = null;
        r.pathHandling = null;
        return r;
    }

    private static void addMatch(RouteDraft r, HTTPRouteMatch m, Set<String> seenMethods) {
        if (m.getPath() != null) r.paths.addAll(kongPaths(m.getPath()));
        if (m.getMethod() != null && seenMethods.add(m.getMethod())) {
            if (r.methods == null) r.methods = new ArrayList<>();
            r.methods.add(m.getMethod());
        }
    }

    /** Exact {@code ~/p$}; PathPrefix {@code ~/p$} and {@code /p/}; RegularExpression {@code ~re}. */
    static List<String> kongPaths(HTTPPathMatch p) {
        String value = nonNull(p.getValue());
        String type = p.getType() == null ? "PathPrefix" : p.getType();
        return switch (type) {
            case "Exact" -> List.of("~" + value + "$");
            case "RegularExpression" -> List.of("~" + value);
            default -> List.of("~" + value + "$", value.endsWith("/") ? value : value + "/");
        };
    }

    /** Header matches of the first match: Exact → value, RegularExpression → {@code ~*value}. */
    private static Map<String, List<String>> headers(List<HTTPHeaderMatch> headers) throws RuleGroupFailure {
        if (headers == null || headers.isEmpty()) return null;
        Map<String, List<String>> out = new TreeMap<>();
        for (HTTPHeaderMatch h : headers) {
            if (out.containsKey(h.getName())) {
                throw new RuleGroupFailure("multiple header matches for the same header are not allowed: "
                        + h.getName(), "match each header once per match");
            }
            String type = h.getType() == null ? "Exact" : h.getType();
            switch (type) {
                case "Exact" -> out.put(h.getName(), List.of(nonNull(h.getValue())));
                case "RegularExpression" -> out.put(h.getName(), List.of("~*" + nonNull(h.getValue())));
                default -> throw new RuleGroupFailure("unknown/unsupported header match type: " + type,
                        "use Exact or RegularExpression");
            }
        }
        return out;
    }

    /**
     * KIC's match key: the route, the method, the headers (names lower-cased, the first of equal names kept, sorted)
     * and the query params (the first of equal names kept).
     */
    private static String matchKey(HttpRouteInput route, HTTPRouteMatch m) {
        Map<String, HTTPHeaderMatch> headers = new TreeMap<>();
        for (HTTPHeaderMatch h : m.getHeaders() == null ? List.<HTTPHeaderMatch>of() : m.getHeaders()) {
            String name = h.getName() == null ? "" : h.getName().toLowerCase(Locale.ROOT);
            headers.putIfAbsent(name, new HTTPHeaderMatch(name, h.getType(), h.getValue()));
        }
        Map<String, HTTPQueryParamMatch> query = new LinkedHashMap<>();
        for (HTTPQueryParamMatch q : m.getQueryParams() == null ? List.<HTTPQueryParamMatch>of()
                : m.getQueryParams()) {
            query.putIfAbsent(q.getName(), q);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("ns", route.namespace());
        key.put("name", route.name());
        key.put("method", m.getMethod());
        key.put("headers", new ArrayList<>(headers.values()));
        key.put("query", new ArrayList<>(query.values()));
        return HttpRuleGroup.json(key);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
