package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.gateway.AttachedRoute;
import io.konggitops.translate.gateway.GatewayListener;
import io.konggitops.translate.naming.KongTags;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One accepted HTTPRoute as the translator reads it: the manifest (admission hands over a copy with the CRD defaults
 * an API server would have applied; KIC's golden harness has none), the hostnames left after admission, and the Kong
 * route protocols its listeners give.
 *
 * @param protocols sorted unique {@code http}/{@code https} of the listeners it attached to; {@code null} (Kong's
 *                  default) when it attached to none (kic-translation §4.1)
 */
record HttpRouteInput(ManifestObject source, HTTPRoute route, List<String> hostnames, List<String> protocols) {
    static HttpRouteInput of(AttachedRoute attached) {
        HTTPRoute route = (HTTPRoute) attached.route().object();
        TreeSet<String> protocols = new TreeSet<>();
        for (GatewayListener l : attached.listeners()) {
            if ("HTTP".equals(l.protocol())) protocols.add("http");
            if ("HTTPS".equals(l.protocol())) protocols.add("https");
        }
        return new HttpRouteInput(attached.route(), route, attached.hostnames(),
                protocols.isEmpty() ? null : List.copyOf(protocols));
    }

    String namespace() {
        return source.namespace();
    }

    String name() {
        return source.name();
    }

    List<HTTPRouteRule> rules() {
        return route.getSpec() == null || route.getSpec().getRules() == null ? List.of() : route.getSpec().getRules();
    }

    Map<String, String> annotations() {
        Map<String, String> a = route.getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    /** KIC's {@code GenerateTagsForObject}: the HTTPRoute's tags, the named-rule tags, then konghq.com/tags. */
    List<String> tags(List<String> ruleNames) {
        List<String> extra = new ArrayList<>();
        for (String n : ruleNames) {
            if (n != null && !n.isBlank() && !extra.contains("k8s-named-route-rule:" + n)) {
                extra.add("k8s-named-route-rule:" + n);
            }
        }
        return KongTags.forObject(route, extra);
    }

    /** {@code metadata.creationTimestamp}; none (Git manifests) counts as the oldest, as Go's zero time. */
    Instant created() {
        String ts = route.getMetadata().getCreationTimestamp();
        if (ts == null || ts.isEmpty()) return Instant.MIN;
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
