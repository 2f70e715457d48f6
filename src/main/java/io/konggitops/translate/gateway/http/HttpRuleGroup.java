package io.konggitops.translate.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules of one HTTPRoute that have the same backendRefs (compared as a set) and so share one Kong service
 * (kic-translation §4.3, KIC {@code groupRulesByBackendRefs}), named {@code httproute.<ns>.<name>.<first rule>}.
 */
record HttpRuleGroup(HttpRouteInput route, List<Indexed> rules) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rule with its index in the HTTPRoute. */
    record Indexed(int index, HTTPRouteRule rule) {
    }

    HttpRuleGroup {
        rules = List.copyOf(rules);
    }

    String serviceName() {
        return "httproute." + route.namespace() + "." + route.name() + "." + rules.get(0).index();
    }

    /** The groups of one HTTPRoute, in the order of their first rule. */
    static List<HttpRuleGroup> of(HttpRouteInput route) {
        Map<String, List<Indexed>> byBackends = new LinkedHashMap<>();
        List<HTTPRouteRule> rules = route.rules();
        for (int i = 0; i < rules.size(); i++) {
            byBackends.computeIfAbsent(setKey(rules.get(i).getBackendRefs()), k -> new ArrayList<>())
                    .add(new Indexed(i, rules.get(i)));
        }
        List<HttpRuleGroup> out = new ArrayList<>();
        for (List<Indexed> g : byBackends.values()) out.add(new HttpRuleGroup(route, g));
        return out;
    }

    /** KIC's rule key {@code <ns>/<name>.<rule>}. */
    static String ruleKey(HttpRouteInput route, int rule) {
        return route.namespace() + "/" + route.name() + "." + rule;
    }

    /** A key equal for two lists holding the same items in any order (each item as JSON, sorted). */
    static String setKey(List<?> items) {
        List<String> keys = new ArrayList<>();
        if (items != null) {
            for (Object o : items) keys.add(json(o));
        }
        keys.sort(null);
        return String.join(";", keys);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
