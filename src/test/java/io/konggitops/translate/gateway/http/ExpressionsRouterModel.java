package io.konggitops.translate.gateway.http;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.translate.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A test model of Kong's expressions router: parses the subset of the ATC language KIC emits ({@code ==}, {@code ^=},
 * {@code =^}, {@code ~} on http.path/host/method/headers/queries, net.protocol, tls.sni, with {@code &&}, {@code ||}
 * and parentheses) and picks, for a request, the matching route of highest priority, as Kong does.
 */
final class ExpressionsRouterModel {
    /** An HTTP request: header names are case-insensitive, query parameter names are not. */
    record Request(String host, String path, String method, Map<String, String> headers, Map<String, String> query) {
        static Request get(String host, String path) {
            return new Request(host, path, "GET", Map.of(), Map.of());
        }

        Request withHeaders(Map<String, String> h) {
            return new Request(host, path, method, h, query);
        }

        Request withQuery(Map<String, String> q) {
            return new Request(host, path, method, headers, q);
        }

        Request withMethod(String m) {
            return new Request(host, path, m, headers, query);
        }
    }

    private interface Node {
        boolean test(Request r);
    }

    private final List<KongEntity> routes;

    ExpressionsRouterModel(Translation t) {
        this.routes = t.desired().of(EntityType.ROUTE).toList();
    }

    /** The name of the route Kong would pick for {@code r}, if any. */
    Optional<String> route(Request r) {
        KongEntity best = null;
        for (KongEntity route : routes) {
            if (!parse(route.string("expression")).test(r)) continue;
            if (best == null || priority(route) > priority(best)) best = route;
        }
        return Optional.ofNullable(best).map(KongEntity::name);
    }

    static long priority(KongEntity route) {
        return ((Number) route.get("priority")).longValue();
    }

    static Node parse(String expression) {
        Parser p = new Parser(expression);
        Node n = p.or();
        p.skipSpace();
        if (p.at != expression.length()) throw new IllegalArgumentException("trailing input in " + expression);
        return n;
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        Node or() {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (eat("||")) parts.add(and());
            return r -> parts.stream().anyMatch(n -> n.test(r));
        }

        Node and() {
            List<Node> parts = new ArrayList<>(List.of(factor()));
            while (eat("&&")) parts.add(factor());
            return r -> parts.stream().allMatch(n -> n.test(r));
        }

        Node factor() {
            if (eat("(")) {
                Node n = or();
                if (!eat(")")) throw new IllegalArgumentException("missing ) at " + at + " in " + s);
                return n;
            }
            skipSpace();
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || "._".indexOf(s.charAt(at)) >= 0)) {
                at++;
            }
            String field = s.substring(start, at);
            String op = null;
            for (String o : List.of("==", "^=", "=^", "!=", "~")) {
                if (eat(o)) {
                    op = o;
                    break;
                }
            }
            if (op == null) throw new IllegalArgumentException("no operator at " + at + " in " + s);
            String value = literal();
            String operator = op;
            Pattern regex = op.equals("~") ? Pattern.compile(value) : null;
            return r -> {
                String actual = field(r, field);
                if (actual == null) return false;
                return switch (operator) {
                    case "==" -> actual.equals(value);
                    case "!=" -> !actual.equals(value);
                    case "^=" -> actual.startsWith(value);
                    case "=^" -> actual.endsWith(value);
                    default -> regex.matcher(actual).find();
                };
            };
        }

        private String literal() {
            skipSpace();
            if (s.charAt(at) != '"') throw new IllegalArgumentException("no string at " + at + " in " + s);
            StringBuilder b = new StringBuilder();
            at++;
            while (s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c == '\\') {
                    char e = s.charAt(at++);
                    b.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else {
                    b.append(c);
                }
            }
            at++;
            return b.toString();
        }

        private boolean eat(String token) {
            skipSpace();
            if (s.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (at < s.length() && s.charAt(at) == ' ') at++;
        }
    }

    private static String field(Request r, String field) {
        if (field.equals("http.path")) return r.path();
        if (field.equals("http.host")) return r.host();
        if (field.equals("http.method")) return r.method();
        if (field.equals("net.protocol")) return "http";
        if (field.equals("tls.sni")) return null;
        if (field.startsWith("http.headers.")) {
            Map<String, String> h = new TreeMap<>();
            r.headers().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT).replace('-', '_'), v));
            return h.get(field.substring("http.headers.".length()));
        }
        if (field.startsWith("http.queries.")) return r.query().get(field.substring("http.queries.".length()));
        throw new IllegalArgumentException("field " + field + " is not modelled");
    }
}
