package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;

import java.util.ArrayList;
import java.util.List;

/**
 * One (hostname × rule × match) of an HTTPRoute (KIC {@code SplitHTTPRouteMatch}): the unit that becomes one
 * expression route with its own priority. A rule without matches gives one split with an empty match.
 *
 * @param hostname {@code ""} when the route has no hostnames
 */
record SplitMatch(HttpRouteInput route, String hostname, HTTPRouteMatch match, String ruleName, int rule,
                  int matchIndex) {

    /** Every split of one HTTPRoute: by hostname (in order), then rule, then match. */
    static List<SplitMatch> split(HttpRouteInput route) {
        List<String> hosts = route.hostnames().isEmpty() ? List.of("") : route.hostnames();
        List<SplitMatch> out = new ArrayList<>();
        for (String host : hosts) {
            List<HTTPRouteRule> rules = route.rules();
            for (int r = 0; r < rules.size(); r++) {
                HTTPRouteRule rule = rules.get(r);
                List<HTTPRouteMatch> matches = rule.getMatches() == null ? List.of() : rule.getMatches();
                if (matches.isEmpty()) out.add(new SplitMatch(route, host, new HTTPRouteMatch(), rule.getName(), r, 0));
                for (int m = 0; m < matches.size(); m++) {
                    out.add(new SplitMatch(route, host, matches.get(m), rule.getName(), r, m));
                }
            }
        }
        return out;
    }

    /** KIC's rule key {@code <ns>/<name>.<rule>}. */
    String ruleKey() {
        return HttpRuleGroup.ruleKey(route, rule);
    }

    /** The match's path value, {@code ""} without one. */
    String pathValue() {
        return match.getPath() == null || match.getPath().getValue() == null ? "" : match.getPath().getValue();
    }
}
