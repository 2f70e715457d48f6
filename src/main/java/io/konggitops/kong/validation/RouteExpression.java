package io.konggitops.kong.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code validate_route} of {@code routes.lua} under {@code traditional_compatible} and {@code expressions}: the route
 * is turned into an ATC expression ({@code kong/router/transform.lua} {@code get_expression}) and parsed by the
 * atc-router, whose regexes are Rust {@code regex} ({@link AtcRegex}). Stream routes carry no regex.
 */
final class RouteExpression {
    private static final Set<String> STREAM = Set.of("tcp", "tls", "udp", "tls_passthrough");
    private static final String PREFIX = "Router Expression failed validation: regex parse error in ";

    private RouteExpression() {
    }

    static void check(Checks c, List<Object> protocols) {
        if (!protocols.isEmpty() && STREAM.contains(String.valueOf(protocols.get(0)))) return;
        boolean anyEscape = KongVersions.atLeast(c.target().version(), 3, 4);
        if (c.get("expression") instanceof String expression) {
            for (String re : regexLiterals(expression)) {
                String why = AtcRegex.error(re, anyEscape);
                if (why != null) {
                    c.fail("expression", PREFIX + "'" + re + "': " + why, "Kong's expressions router matches "
                            + "regexes with the Rust regex engine: rewrite the regex without look-around, "
                            + "back-references, atomic groups or PCRE-only escapes");
                    return;
                }
            }
        }
        List<Object> paths = c.list("paths", List.of());
        for (int i = 0; i < paths.size(); i++) {
            if (!(paths.get(i) instanceof String p) || !p.startsWith("~")) continue;
            String re = "^" + p.substring(1).replace("?<", "?P<");
            // judged before the ?< → ?P< rewrite, which would turn a look-behind into a bad group name
            String why = AtcRegex.error("^" + p.substring(1), anyEscape);
            if (why != null) {
                c.fail("paths[" + i + "]", PREFIX + "'" + re + "': " + why, "Kong " + c.target().version()
                        + " with router_flavor " + c.target().routerFlavor().value() + " matches regex paths with the "
                        + "Rust regex engine: rewrite the regex without look-around, back-references, atomic groups "
                        + "or PCRE-only escapes, or run Kong with router_flavor traditional");
                return;
            }
        }
        if (c.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                if (!(h.getValue() instanceof List<?> values)) continue;
                for (Object v : values) {
                    if (!(v instanceof String s) || !s.startsWith("~*")) continue;
                    String re = s.substring(2).toLowerCase(Locale.ROOT);
                    String why = AtcRegex.error(re, anyEscape);
                    if (why != null) {
                        c.fail("headers." + h.getKey(), PREFIX + "'" + re + "': " + why, "rewrite the header regex "
                                + "for the Rust regex engine (no look-around, back-references or atomic groups)");
                        return;
                    }
                }
            }
        }
    }

    /**
     * The right-hand sides of the {@code ~} (regex match) predicates of an expression, unescaped: string literals are
     * read whole (so a {@code ~} inside one is not an operator), {@code \\}, {@code \"}, {@code \n}, {@code \r} and
     * {@code \t} are the escapes KIC writes.
     */
    static List<String> regexLiterals(String expression) {
        List<String> out = new java.util.ArrayList<>();
        String lastToken = "";
        int i = 0;
        while (i < expression.length()) {
            char ch = expression.charAt(i);
            if (ch == '"') {
                StringBuilder lit = new StringBuilder();
                int j = i + 1;
                while (j < expression.length() && expression.charAt(j) != '"') {
                    char e = expression.charAt(j);
                    if (e == '\\' && j + 1 < expression.length()) {
                        char n = expression.charAt(++j);
                        lit.append(switch (n) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> n;
                        });
                    } else {
                        lit.append(e);
                    }
                    j++;
                }
                if (lastToken.equals("~")) out.add(lit.toString());
                lastToken = "\"";
                i = j + 1;
            } else if (Character.isWhitespace(ch)) {
                i++;
            } else {
                int j = i;
                while (j < expression.length() && !Character.isWhitespace(expression.charAt(j))
                        && expression.charAt(j) != '"') {
                    j++;
                }
                lastToken = expression.substring(i, j);
                i = j;
            }
        }
        return out;
    }
}
