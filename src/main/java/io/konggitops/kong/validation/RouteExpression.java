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
}
