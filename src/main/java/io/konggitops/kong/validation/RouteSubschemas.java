package io.konggitops.kong.validation;

import java.util.List;

/**
 * {@code kong/db/schema/entities/routes_subschemas.lua}: the subschema chosen by the first protocol says which matchers
 * a route may and must have ("at least one matcher").
 */
final class RouteSubschemas {
    private static final String MATCHER_HINT = "give the route a path, a host, a method or a header to match on";

    private RouteSubschemas() {
    }

    static void check(Checks c, String firstProtocol) {
        List<Object> protocols = c.list("protocols", RouteRules.DEFAULT_PROTOCOLS);
        boolean expressions = c.target().routerFlavor().expressions();
        switch (firstProtocol) {
            case "http", "https", "ws", "wss" -> {
                if (!expressions) {
                    mustBeEmpty(c, "sources", "cannot set 'sources' when 'protocols' is 'http' or 'https'");
                    mustBeEmpty(c, "destinations", "cannot set 'destinations' when 'protocols' is 'http' or 'https'");
                }
                if (protocols.contains("https") || protocols.contains("wss")) {
                    atLeastOne(c, "https", "methods", "hosts", "headers", "paths", "snis");
                } else {
                    atLeastOne(c, "http", "methods", "hosts", "headers", "paths");
                }
            }
            case "tcp", "tls", "udp", "tls_passthrough" -> {
                String err = "when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'";
                for (String f : List.of("methods", "hosts", "paths", "headers")) {
                    mustBeEmpty(c, f, "cannot set '" + f + "' " + err);
                }
                if (protocols.stream().allMatch(p -> List.of("tcp", "tls", "udp").contains(p))
                        && !c.present("sources") && !c.present("destinations") && !c.present("snis")
                        && !(expressions && c.present("expression"))) {
                    c.fail("@entity", "must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', "
                            + "'tls' or 'udp'", "give the route a source, destination or SNI to match on");
                }
                if (protocols.stream().allMatch("tls_passthrough"::equals) && !c.present("snis")
                        && !(expressions && c.present("expression"))) {
                    c.fail("@entity", "must set snis when 'protocols' is 'tls_passthrough'", "add SNIs to the route");
                }
            }
            case "grpc", "grpcs" -> {
                if (Boolean.TRUE.equals(c.get("strip_path"))) {
                    c.fail("strip_path", "cannot set 'strip_path' when 'protocols' is 'grpc' or 'grpcs'",
                            "set konghq.com/strip-path: \"false\" for gRPC routes");
                }
                mustBeEmpty(c, "methods", "cannot set 'methods' when 'protocols' is 'grpc' or 'grpcs'");
                if (!expressions) {
                    mustBeEmpty(c, "sources", "cannot set 'sources' when 'protocols' is 'grpc' or 'grpcs'");
                    mustBeEmpty(c, "destinations", "cannot set 'destinations' when 'protocols' is 'grpc' or 'grpcs'");
                }
                if (protocols.contains("grpcs")) {
                    atLeastOne(c, "grpcs", "hosts", "headers", "paths", "snis");
                } else {
                    atLeastOne(c, "grpc", "hosts", "headers", "paths");
                }
            }
            default -> {
            }
        }
    }

    private static void mustBeEmpty(Checks c, String field, String err) {
        if (c.get(field) != null) c.fail(field, err, "remove " + field + " from this route or change its protocols");
    }

    private static void atLeastOne(Checks c, String protocol, String... fields) {
        for (String f : fields) {
            if (c.present(f)) return;
        }
        if (c.present("expression")) return;
        c.fail("@entity", "must set one of '" + String.join("', '", fields) + "' when 'protocols' is '" + protocol
                + "'", MATCHER_HINT);
    }
}
