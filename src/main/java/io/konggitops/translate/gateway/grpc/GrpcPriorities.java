package io.konggitops.translate.gateway.grpc;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expression routes of GRPCRoutes (kic-translation §4.7, KIC {@code SplitGRPCRoute} and
 * {@code AssignRoutePriorityToSplitGRPCRouteMatches}): every GRPCRoute is split into (hostname × rule × match); each
 * split gets a priority from its hostname, method and headers, and splits with the same priority are ordered across
 * all GRPCRoutes (oldest first, then namespace/name, rule, match) in the lowest 8 bits.
 *
 * <pre>
 * bits 44-45 resource kind (GRPCRoute = 1) | 43 precise hostname | 35-42 hostname length
 * | 24-34 service length | 13-23 method length | 8-12 header count | 0-7 relative order (255 down)
 * </pre>
 */
final class GrpcPriorities {
    private static final long RESOURCE_KIND_GRPC = 1;
    private static final int RELATIVE_ORDER_BITS = 8;
    private static final long DEFAULT_RELATIVE_ORDER = (1L << RELATIVE_ORDER_BITS) - 1;

    /** One (hostname, rule, match) of a GRPCRoute; {@code match} is null for a rule without matches. */
    record Split(GrpcRouteInput route, String hostname, int rule, int matchIndex, GRPCRouteMatch match) {
        /** The Kong service of the split: {@code grpcroute.<ns>.<name>.<host or _>.<rule>}. */
        String serviceName() {
            return "grpcroute." + route.namespace() + "." + route.name() + "." + hostLabel() + "." + rule;
        }

        String routeName() {
            return serviceName() + "." + matchIndex;
        }

        private String hostLabel() {
            return hostname.isEmpty() ? "_" : hostname.replace("*", "_");
        }
    }

    record Prioritized(Split split, long priority) {
    }

    private GrpcPriorities() {
    }

    static List<Split> split(GrpcRouteInput route) {
        List<String> hostnames = route.hostnames().isEmpty() ? List.of("") : route.hostnames();
        List<Split> out = new ArrayList<>();
        for (String h : hostnames) {
            List<GRPCRouteRule> rules = route.rules();
            for (int i = 0; i < rules.size(); i++) {
                List<GRPCRouteMatch> matches = rules.get(i).getMatches();
                if (matches == null || matches.isEmpty()) {
                    out.add(new Split(route, h, i, 0, null));
                    continue;
                }
                for (int j = 0; j < matches.size(); j++) out.add(new Split(route, h, i, j, matches.get(j)));
            }
        }
        return out;
    }

    /** The priority of every split, in input order of the base priorities' groups. */
    static List<Prioritized> assign(List<Split> splits) {
        Map<Long, List<Split>> byBase = new LinkedHashMap<>();
        for (Split s : splits) byBase.computeIfAbsent(base(s), k -> new ArrayList<>()).add(s);
        List<Prioritized> out = new ArrayList<>();
        for (Map.Entry<Long, List<Split>> e : byBase.entrySet()) {
            List<Split> group = new ArrayList<>(e.getValue());
            if (group.size() == 1) {
                out.add(new Prioritized(group.get(0), e.getKey() + DEFAULT_RELATIVE_ORDER));
                continue;
            }
            group.sort(RELATIVE_ORDER);
            for (int i = 0; i < group.size(); i++) {
                out.add(new Prioritized(group.get(i), e.getKey() + Math.max(DEFAULT_RELATIVE_ORDER - i, 0)));
            }
        }
        return out;
    }

    /** The priority without the relative order bits. */
    static long base(Split s) {
        long p = RESOURCE_KIND_GRPC << 44;
        if (!s.hostname().isEmpty()) {
            if (!s.hostname().startsWith("*")) p += 1L << 43;
            p += (long) bytes(s.hostname()) << 35;
        }
        if (s.match() != null && s.match().getMethod() != null) {
            if (s.match().getMethod().getService() != null) p += (long) bytes(s.match().getMethod().getService()) << 24;
            if (s.match().getMethod().getMethod() != null) p += (long) bytes(s.match().getMethod().getMethod()) << 13;
        }
        int headers = s.match() == null || s.match().getHeaders() == null ? 0 : s.match().getHeaders().size();
        p += (long) headers << 8;
        return p;
    }

    /** Oldest route first (no timestamp, as in Git manifests, ties), then namespace, name, rule, match. */
    private static final Comparator<Split> RELATIVE_ORDER = Comparator
            .comparing((Split s) -> s.route().route().getMetadata().getCreationTimestamp(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.route().namespace())
            .thenComparing(s -> s.route().name())
            .thenComparingInt(Split::rule)
            .thenComparingInt(Split::matchIndex);

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
