package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.konggitops.translate.atc.Field;
import io.konggitops.translate.atc.HostMatchers;
import io.konggitops.translate.atc.Matcher;
import io.konggitops.translate.atc.Op;
import io.konggitops.translate.atc.SniMatchers;
import io.konggitops.translate.naming.KicPatterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The expressions-router matcher of one split HTTPRoute match (kic-translation §4.5, KIC {@code httproute_atc.go}):
 * {@code host && sni && path && headers && query params && method}, each part left out when absent; an empty result is
 * KIC's catch-all over http and https.
 */
final class HttpExpressions {
    static final String CATCH_ALL = "(net.protocol == \"http\") || (net.protocol == \"https\")";
    static final String SNIS_ANNOTATION = "konghq.com/snis";


    private HttpExpressions() {
    }

    /**
     * @param prefixRewrite the rule has a URLRewrite ReplacePrefixMatch filter: a prefix path then captures the rest
     */
    static String expression(String hostname, Map<String, String> annotations, HTTPRouteMatch match,
                             boolean prefixRewrite) {
        List<Matcher> parts = new ArrayList<>();
        parts.add(host(hostname));
        parts.add(snis(annotations.get(SNIS_ANNOTATION)));
        parts.add(match(match, prefixRewrite));
        String e = new Matcher.And(parts).expression();
        return e.isEmpty() ? CATCH_ALL : e;
    }

    /** {@code http.host == h}, or {@code http.host =^ ".example.com"} for {@code *.example.com}; nothing if empty. */
    static Matcher host(String hostname) {
        return HostMatchers.anyOf(hostname == null ? List.of() : List.of(hostname));
    }

    private static Matcher snis(String annotation) {
        return SniMatchers.anyOf(SniMatchers.fromAnnotation(annotation));
    }

    static Matcher match(HTTPRouteMatch m, boolean prefixRewrite) {
        List<Matcher> and = new ArrayList<>();
        if (m.getPath() != null) and.add(path(m.getPath(), prefixRewrite));
        if (m.getHeaders() != null && !m.getHeaders().isEmpty()) {
            List<HTTPHeaderMatch> headers = new ArrayList<>(m.getHeaders());
            headers.sort(Comparator.comparing(HTTPHeaderMatch::getName));
            List<Matcher> hs = new ArrayList<>();
            for (HTTPHeaderMatch h : headers) {
                hs.add(Matcher.predicate(Field.header(h.getName()), regex(h.getType()) ? Op.REGEX : Op.EQUALS,
                        h.getValue()));
            }
            and.add(new Matcher.And(hs));
        }
        if (m.getQueryParams() != null && !m.getQueryParams().isEmpty()) {
            List<HTTPQueryParamMatch> params = new ArrayList<>(m.getQueryParams());
            params.sort(Comparator.comparing(HTTPQueryParamMatch::getName));
            List<Matcher> qs = new ArrayList<>();
            for (HTTPQueryParamMatch q : params) {
                qs.add(Matcher.predicate(Field.query(q.getName()), regex(q.getType()) ? Op.REGEX : Op.EQUALS,
                        q.getValue()));
            }
            and.add(new Matcher.And(qs));
        }
        if (m.getMethod() != null) {
            List<Matcher> or = new ArrayList<>();
            if (KicPatterns.METHOD.matcher(m.getMethod()).matches()) {
                or.add(Matcher.predicate(Field.HTTP_METHOD, Op.EQUALS, m.getMethod()));
            }
            and.add(new Matcher.Or(or));
        }
        return new Matcher.And(and);
    }

    private static boolean regex(String type) {
        return "RegularExpression".equals(type);
    }

    static Matcher path(HTTPPathMatch p, boolean prefixRewrite) {
        String value = p.getValue() == null ? "" : p.getValue();
        String type = p.getType() == null ? "PathPrefix" : p.getType();
        switch (type) {
            case "Exact" -> {
                return Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, value);
            }
            case "RegularExpression" -> {
                return Matcher.predicate(Field.HTTP_PATH, Op.REGEX, value.startsWith("^") ? value : "^" + value);
            }
            default -> {
                String path = PathRewrites.normalize(value);
                boolean root = path.equals("/");
                if (prefixRewrite) {
                    return Matcher.or(Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, path),
                            Matcher.predicate(Field.HTTP_PATH, Op.REGEX, root ? "^/(.*)" : "^" + path + "(/.*)"));
                }
                if (root) return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/");
                return Matcher.or(Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, path),
                        Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, path + "/"));
            }
        }
    }
}
