package io.konggitops.translate.gateway.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expression-route priorities for HTTPRoute matches (kic-translation §4.5, KIC {@code HTTPRoutePriorityTraits} and
 * {@code assignRoutePriorityToSplitHTTPRouteMatches}), which encode the Gateway API precedence (gateway-api.md §2.6):
 * <pre>
 * bits 45-44 kind (HTTPRoute = 2) | 43 precise hostname | 42-35 hostname length | 34 Exact path | 33 regex path
 *      32-23 path length - 1 | 22 method | 21-17 headers | 16-12 query params | 11-0 relative order
 * </pre>
 * The relative order is 4095 for a base priority that only one split match has, across every HTTPRoute; tied matches
 * are ordered by creationTimestamp, namespace, name, rule and match index and get 4095, 4094, ...
 */
final class HttpPriorities {
    static final long KIND_HTTP_ROUTE = 2;
    private static final int KIND_SHIFT = 44;
    private static final long RELATIVE_ORDER_MAX = (1L << 12) - 1;

    /** A split match with its priority. */
    record Prioritized(SplitMatch split, long priority) {
    }

    private HttpPriorities() {
    }

    /** The fixed part of the priority, from the match's own fields (relative order bits zero). */
    static long base(SplitMatch s) {
        long p = KIND_HTTP_ROUTE << KIND_SHIFT;
        String host = s.hostname();
        if (!host.isEmpty()) {
            if (!host.startsWith("*")) p += 1L << 43;
            p += (long) host.length() << 35;
        }
        if (s.match().getPath() != null) {
            String type = s.match().getPath().getType();
            if ("Exact".equals(type)) p += 1L << 34;
            if ("RegularExpression".equals(type)) p += 1L << 33;
            String value = s.match().getPath().getValue();
            if (value != null && !value.isEmpty()) p += (long) (value.length() - 1) << 23;
        }
        if (s.match().getHeaders() != null) p += (long) s.match().getHeaders().size() << 17;
        if (s.match().getMethod() != null) p += 1L << 22;
        if (s.match().getQueryParams() != null) p += (long) s.match().getQueryParams().size() << 12;
        return p;
    }

    /** Priorities for all split matches of all HTTPRoutes, in input order. */
    static List<Prioritized> assign(List<SplitMatch> all) {
        Map<Long, List<Integer>> byBase = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byBase.computeIfAbsent(base(all.get(i)), k -> new ArrayList<>()).add(i);
        }
        long[] priorities = new long[all.size()];
        for (Map.Entry<Long, List<Integer>> e : byBase.entrySet()) {
            List<Integer> tied = new ArrayList<>(e.getValue());
            // KIC sorts ties with a comparison that calls fully equal splits "less" (same route, rule and match on
            // different hostnames of the same length); Go's insertion sort then puts the later one first.
            tied.sort(Comparator.<Integer, SplitMatch>comparing(all::get, HttpPriorities::relative)
                    .thenComparing(Comparator.reverseOrder()));
            for (int rank = 0; rank < tied.size(); rank++) {
                priorities[tied.get(rank)] = e.getKey() + Math.max(RELATIVE_ORDER_MAX - rank, 0);
            }
        }
        List<Prioritized> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) out.add(new Prioritized(all.get(i), priorities[i]));
        return out;
    }

    /** Oldest first, then namespace, name, rule index, match index. */
    private static int relative(SplitMatch a, SplitMatch b) {
        int c = a.route().created().compareTo(b.route().created());
        if (c != 0) return c;
        c = a.route().namespace().compareTo(b.route().namespace());
        if (c != 0) return c;
        c = a.route().name().compareTo(b.route().name());
        if (c != 0) return c;
        c = Integer.compare(a.rule(), b.rule());
        if (c != 0) return c;
        return Integer.compare(a.matchIndex(), b.matchIndex());
    }
}
