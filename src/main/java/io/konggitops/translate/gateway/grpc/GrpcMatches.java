package io.konggitops.translate.gateway.grpc;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.konggitops.translate.atc.Field;
import io.konggitops.translate.atc.HostMatchers;
import io.konggitops.translate.atc.Matcher;
import io.konggitops.translate.atc.Op;
import io.konggitops.translate.atc.SniMatchers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GRPCRoute matches → Kong matchers (kic-translation §4.7, KIC {@code grpcroute.go}, {@code grpcroute_atc.go}). A
 * gRPC request's path is {@code /<service>/<method>}.
 */
final class GrpcMatches {
    static final String REGULAR_EXPRESSION = "RegularExpression";
    /** KIC's expression for a route with nothing to match on: every HTTP(S) request. */
    static final String CATCH_ALL = "(net.protocol == \"http\") || (net.protocol == \"https\")";

    private GrpcMatches() {
    }

    static String type(GRPCMethodMatch m) {
        return m.getType() == null ? "Exact" : m.getType();
    }

    /**
     * Traditional: the regex path {@code ~/<service>/<method>}; a missing service is {@code .+}, a missing method is
     * empty (Exact) or {@code .+} (RegularExpression), as GEP-1016 defines.
     */
    static String traditionalPath(GRPCMethodMatch m) {
        boolean regex = REGULAR_EXPRESSION.equals(type(m));
        String service = m.getService() != null ? m.getService() : ".+";
        String method = m.getMethod() != null ? m.getMethod() : regex ? ".+" : "";
        return "~/" + service + "/" + method;
    }

    /** Traditional: header name → values, as written (KIC ignores the match type here). */
    static Map<String, List<String>> traditionalHeaders(List<GRPCHeaderMatch> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        if (headers == null) return out;
        for (GRPCHeaderMatch h : headers) out.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        return out;
    }

    /** Expressions: method, headers (sorted by name), the host, then {@code konghq.com/snis}, AND-ed. */
    static Matcher expression(GRPCRouteMatch match, String hostname, List<String> snis) {
        List<Matcher> parts = new ArrayList<>();
        if (match != null && match.getMethod() != null) parts.add(method(match.getMethod()));
        if (match != null && match.getHeaders() != null && !match.getHeaders().isEmpty()) {
            parts.add(headers(match.getHeaders()));
        }
        if (!hostname.isEmpty()) parts.add(HostMatchers.anyOf(List.of(hostname)));
        if (!snis.isEmpty()) parts.add(SniMatchers.anyOf(snis));
        return new Matcher.And(parts);
    }

    static Matcher method(GRPCMethodMatch m) {
        String service = m.getService();
        String method = m.getMethod();
        if (service == null && method == null) return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/");
        if (REGULAR_EXPRESSION.equals(type(m))) {
            return Matcher.predicate(Field.HTTP_PATH, Op.REGEX, "^/" + (service == null ? ".+" : service) + "/"
                    + (method == null ? ".+" : method));
        }
        if (method == null) return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/" + service + "/");
        if (service == null) return Matcher.predicate(Field.HTTP_PATH, Op.SUFFIX, "/" + method);
        return Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, "/" + service + "/" + method);
    }

    static Matcher headers(List<GRPCHeaderMatch> headers) {
        List<GRPCHeaderMatch> sorted = new ArrayList<>(headers);
        sorted.sort(Comparator.comparing(GRPCHeaderMatch::getName));
        List<Matcher> parts = new ArrayList<>();
        for (GRPCHeaderMatch h : sorted) {
            Op op = REGULAR_EXPRESSION.equals(h.getType()) ? Op.REGEX : Op.EQUALS;
            parts.add(Matcher.predicate(Field.header(h.getName()), op, h.getValue()));
        }
        return new Matcher.And(parts);
    }
}
