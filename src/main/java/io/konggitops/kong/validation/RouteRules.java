package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.RouterFlavor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kong/db/schema/entities/routes.lua}: field types, the {@code snis} conditional, and (for
 * {@code traditional_compatible} and {@code expressions}) {@code validate_route}, the ATC compilation in
 * {@link RouteExpression}; then the protocol subschema of {@code routes_subschemas.lua} in {@link RouteSubschemas}.
 */
final class RouteRules implements EntityRules {
    static final List<String> DEFAULT_PROTOCOLS = List.of("http", "https");
    private static final List<Set<String>> EXCLUSIVE_SUBSETS = List.of(Set.of("http", "https"),
            Set.of("tcp", "tls", "udp"), Set.of("tls_passthrough"), Set.of("grpc", "grpcs"), Set.of("ws", "wss"));
    private static final Set<String> SNI_PROTOCOLS = Set.of("grpcs", "https", "tls", "tls_passthrough");

    @Override
    public EntityType type() {
        return EntityType.ROUTE;
    }

    @Override
    public void check(Checks c) {
        c.field("name", Typedefs.UTF8_NAME_T, Typedefs.NAME_HINT);
        List<Object> protocols = protocols(c);
        c.field("https_redirect_status_code", Typedef.oneOf(List.of(426, 301, 302, 307, 308)),
                "use 426, 301, 302, 307 or 308");
        Typedefs.tags(c);
        boolean traditional = c.target().routerFlavor() == RouterFlavor.TRADITIONAL;
        // wildcard SNIs on routes: Kong 3.7+, not under traditional
        boolean wildcardSnis = !traditional && KongVersions.atLeast(c.target().version(), 3, 7);
        c.each("snis", wildcardSnis ? Typedefs.WILDCARD_HOST : Typedefs.SNI,
                "use host names without port, not IP addresses" + (wildcardSnis
                        ? " (one wildcard at most, as the leftmost or rightmost label)"
                        : " and without wildcard (route SNIs take wildcards from Kong 3.7, not under traditional)"));
        c.each("methods", Typedefs.HTTP_METHOD_T, "use upper-case HTTP method names such as GET or POST");
        c.each("hosts", RouteHosts.HOST, "use a host name, optionally with one wildcard as the leftmost or rightmost "
                + "label and an optional port");
        List<Object> paths = c.list("paths", List.of());
        Typedef routerPath = RoutePaths.routerPath(KongVersions.atLeast(c.target().version(), 3, 1));
        for (int i = 0; i < paths.size(); i++) {
            String why = routerPath.check(paths.get(i));
            if (why != null) c.fail("paths[" + i + "]", why, RoutePaths.hint(String.valueOf(paths.get(i))));
        }
        headers(c);
        c.field("regex_priority", Typedef.between(Integer.MIN_VALUE, Integer.MAX_VALUE), "use an integer");
        c.field("path_handling", Typedef.oneOf(List.of("v0", "v1")), "use v0 or v1");
        if (c.present("snis") && protocols.stream().noneMatch(SNI_PROTOCOLS::contains)) {
            c.fail("snis", "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'",
                    "serve the route over https (konghq.com/protocols: https, or http,https) or remove the SNIs");
        }
        if (!protocols.isEmpty()) RouteSubschemas.check(c, String.valueOf(protocols.get(0)));
        if (c.found().isEmpty() && !traditional) RouteExpression.check(c, protocols);
    }

    private static List<Object> protocols(Checks c) {
        List<Object> protocols = c.list("protocols", DEFAULT_PROTOCOLS);
        String hint = "use protocols from one family: http/https, grpc/grpcs, tcp/tls/udp, or tls_passthrough";
        if (protocols.isEmpty()) c.fail("protocols", "length must be at least 1", hint);
        for (int i = 0; i < protocols.size(); i++) {
            String why = Typedefs.PROTOCOL.check(protocols.get(i));
            if (why != null) c.fail("protocols[" + i + "]", why, hint);
        }
        List<String> used = new ArrayList<>();
        for (Set<String> subset : EXCLUSIVE_SUBSETS) {
            if (protocols.stream().anyMatch(subset::contains)) {
                used.add("('" + String.join("', '", subset.stream().sorted().toList()) + "')");
            }
        }
        if (used.size() > 1) c.fail("protocols", "these sets are mutually exclusive: " + String.join(", ", used), hint);
        return protocols;
    }

    private static void headers(Checks c) {
        Object v = c.get("headers");
        if (v == null) return;
        if (!(v instanceof Map<?, ?> headers)) {
            c.fail("headers", "expected a map", "");
            return;
        }
        for (Map.Entry<?, ?> h : headers.entrySet()) {
            String name = String.valueOf(h.getKey());
            String why = Typedefs.HEADER_NAME_T.check(name);
            if (why != null) {
                c.fail("headers." + name, why, "use a header name of letters, digits, '-' and '_'");
            } else if (name.matches("^[Hh][Oo][Ss][Tt]$")) {
                c.fail("headers." + name, "cannot contain 'host' header, which must be specified in the 'hosts' "
                        + "attribute", "match the host with the Ingress rule's host (or the HTTPRoute's hostnames), "
                        + "not with konghq.com/headers.host");
            }
            if (!(h.getValue() instanceof List<?>)) c.fail("headers." + name, "expected an array", "");
        }
    }
}
