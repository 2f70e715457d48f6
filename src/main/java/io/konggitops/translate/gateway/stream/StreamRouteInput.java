package io.konggitops.translate.gateway.stream;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRouteRule;
import io.konggitops.translate.gateway.AttachedRoute;

import java.util.ArrayList;
import java.util.List;

/** The rules of a TCPRoute, UDPRoute or TLSRoute, read the same way: each rule's name and backendRefs. */
record StreamRouteInput(AttachedRoute attached, List<Rule> rules) {
    record Rule(String name, List<BackendRef> backendRefs) {
        Rule {
            backendRefs = backendRefs == null ? List.of() : List.copyOf(backendRefs);
        }
    }

    static StreamRouteInput of(AttachedRoute a) {
        List<Rule> rules = new ArrayList<>();
        Object o = a.route().object();
        if (o instanceof TCPRoute r && r.getSpec() != null && r.getSpec().getRules() != null) {
            for (TCPRouteRule rule : r.getSpec().getRules()) rules.add(new Rule(rule.getName(), rule.getBackendRefs()));
        } else if (o instanceof UDPRoute r && r.getSpec() != null && r.getSpec().getRules() != null) {
            for (UDPRouteRule rule : r.getSpec().getRules()) rules.add(new Rule(rule.getName(), rule.getBackendRefs()));
        } else if (o instanceof TLSRoute r && r.getSpec() != null && r.getSpec().getRules() != null) {
            for (TLSRouteRule rule : r.getSpec().getRules()) rules.add(new Rule(rule.getName(), rule.getBackendRefs()));
        }
        return new StreamRouteInput(a, rules);
    }
}
