package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Route rules of Kong 3.x: {@code kong/db/schema/entities/routes.lua} (protocol subsets, {@code snis} only with TLS
 * protocols, no {@code host} header, the ATC check under {@code traditional_compatible}/{@code expressions}),
 * {@code entities/routes_subschemas.lua} (fields forbidden per protocol family, at least one matching field) and the
 * typedefs they use ({@code typedefs.lua}: {@code router_path}, {@code hosts}, {@code methods}, {@code wildcard_host}).
 */
final class RouteRules {
    private static final List<List<String>> EXCLUSIVE = List.of(List.of("http", "https"), List.of("tcp", "tls", "udp"),
            List.of("tls_passthrough"), List.of("grpc", "grpcs"));
    private static final List<String> SNI_PROTOCOLS = List.of("grpcs", "https", "tls", "tls_passthrough");
    /** What the Rust {@code regex} crate (used by the ATC router) cannot compile, with its error text. */
    private static final Map<Pattern, String> NOT_RUST = Map.of(
            Pattern.compile("\\(\\?<?[=!]"), "look-around, including look-ahead and look-behind, is not supported",
            Pattern.compile("\\\\[1-9]|\\\\k<"), "backreferences are not supported",
            Pattern.compile("\\(\\?>"), "atomic groups are not supported",
            Pattern.compile("(?<!\\\\)[*+?}]\\+"), "possessive quantifiers are not supported");

    private RouteRules() {
    }

    static void check(ObjectNode row, ObjectNode errors, String flavor) {
        List<String> protocols = strings(row.get("protocols"));
        if (!errors.has("protocols")) {
            String exclusive = exclusive(protocols);
            if (exclusive != null) errors.put("protocols", exclusive);
        }
        elements(row, "methods", errors, m -> m.matches("^\\p{Lu}+$") ? null : "invalid value: " + m);
        elements(row, "hosts", errors, HostRules::routeHost);
        elements(row, "snis", errors, "traditional".equals(flavor) ? HostRules::sni : HostRules::wildcardHost);
        elements(row, "paths", errors, RouteRules::path);
        JsonNode headers = row.get("headers");
        if (headers != null && headers.isObject() && !errors.has("headers")) {
            headers.fieldNames().forEachRemaining(h -> {
                if (h.equalsIgnoreCase("host")) {
                    errors.put("headers", "cannot contain 'host' header, which must be specified in the 'hosts' attribute");
                }
            });
        }
        boolean anyNonTls = protocols.stream().anyMatch(p -> !SNI_PROTOCOLS.contains(p));
        if (anyNonTls && nonEmpty(row, "snis") && !errors.has("snis")) {
            errors.put("snis", "length must be 0");
            EntityHooks.entityError(errors,
                    "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'");
        }
        subschema(row, protocols, errors, flavor);
        if (!"traditional".equals(flavor) && !errors.has("paths")) atc(row, errors);
    }

    /** {@code mutually_exclusive_subsets} of {@code protocols}: the subsets in the order first used. */
    private static String exclusive(List<String> protocols) {
        List<List<String>> memberOf = new ArrayList<>();
        for (String p : protocols) {
            for (List<String> s : EXCLUSIVE) if (s.contains(p) && !memberOf.contains(s)) memberOf.add(s);
        }
        if (memberOf.size() <= 1) return null;
        List<String> parts = new ArrayList<>();
        for (List<String> s : memberOf) parts.add("(" + String.join(", ", s.stream().map(x -> "'" + x + "'").toList()) + ")");
        return "these sets are mutually exclusive: " + String.join(", ", parts);
    }

    /** Fields a protocol family may not set ({@code routes_subschemas.lua}; the first protocol picks the subschema). */
    private static void subschema(ObjectNode row, List<String> protocols, ObjectNode errors, String flavor) {
        if (protocols.isEmpty()) return;
        String first = protocols.get(0);
        boolean expressions = "expressions".equals(flavor);
        switch (first) {
            case "http", "https" -> {
                if (!expressions) {
                    forbid(row, errors, "sources", "cannot set 'sources' when 'protocols' is 'http' or 'https'");
                    forbid(row, errors, "destinations", "cannot set 'destinations' when 'protocols' is 'http' or 'https'");
                }
            }
            case "tcp", "tls", "udp", "tls_passthrough" -> {
                String which = "when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'";
                for (String f : List.of("methods", "hosts", "paths", "headers")) {
                    forbid(row, errors, f, "cannot set '" + f + "' " + which);
                }
                if (protocols.contains("tls_passthrough") && !nonEmpty(row, "snis") && !nonEmpty(row, "expression")) {
                    EntityHooks.entityError(errors, "must set snis when 'protocols' is 'tls_passthrough'");
                }
            }
            case "grpc", "grpcs" -> {
                forbid(row, errors, "methods", "cannot set 'methods' when 'protocols' is 'grpc' or 'grpcs'");
                if (!expressions) {
                    forbid(row, errors, "sources", "cannot set 'sources' when 'protocols' is 'grpc' or 'grpcs'");
                    forbid(row, errors, "destinations", "cannot set 'destinations' when 'protocols' is 'grpc' or 'grpcs'");
                }
                boolean any = nonEmpty(row, "hosts") || nonEmpty(row, "headers") || nonEmpty(row, "paths")
                        || (expressions && nonEmpty(row, "expression"));
                if (protocols.contains("grpcs") && !any && !nonEmpty(row, "snis")) {
                    EntityHooks.entityError(errors, "must set one of 'hosts', 'headers', 'paths', 'snis'"
                            + (expressions ? ", 'expression'" : "") + " when 'protocols' is 'grpcs'");
                } else if (!protocols.contains("grpcs") && !any) {
                    EntityHooks.entityError(errors, "must set one of 'hosts', 'headers', 'paths'"
                            + (expressions ? ", 'expression'" : "") + " when 'protocols' is 'grpc'");
                }
            }
            default -> {
            }
        }
    }

    private static void forbid(ObjectNode row, ObjectNode errors, String field, String message) {
        JsonNode v = row.get(field);
        if (v != null && !v.isNull() && !errors.has(field)) errors.put(field, message);
    }

    /** {@code typedefs.router_path}: no empty segments, percent-encoding, normalised prefix paths, valid regexes. */
    static String path(String p) {
        if (!p.startsWith("/") && !p.startsWith("~/")) return null; // reported by the existing starts-with check
        if (p.contains("//")) return "must not have empty segments";
        String percent = percentError(p);
        if (percent != null) return percent;
        if (!p.startsWith("~")) {
            String normalized = removeDotSegments(p);
            return normalized.equals(p) ? null : "non-normalized path, consider use '" + normalized + "' instead";
        }
        try {
            Pattern.compile(p.substring(1));
            return null;
        } catch (PatternSyntaxException e) {
            return "invalid regex: '" + p.substring(1) + "' (PCRE returned: " + e.getDescription() + ")";
        }
    }

    /** {@code typedefs.lua validate_path}: a {@code %} must start a two-hex-digit escape. */
    static String percentError(String p) {
        String raw = p.replaceAll("%[0-9A-Fa-f]{2}", "___");
        int i = raw.indexOf('%');
        return i < 0 ? null : "invalid url-encoded value: '" + raw.substring(i, Math.min(raw.length(), i + 3)) + "'";
    }

    /** RFC 3986 5.2.4, as {@code kong.tools.uri normalize} applies it to prefix paths. */
    private static String removeDotSegments(String p) {
        List<String> out = new ArrayList<>();
        String[] segs = p.substring(1).split("/", -1);
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            boolean last = i == segs.length - 1;
            if (s.equals(".")) {
                if (last) out.add("");
            } else if (s.equals("..")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                if (last) out.add("");
            } else {
                out.add(s);
            }
        }
        return "/" + String.join("/", out);
    }

    /** {@code routes.lua validate_route}: the route's regexes must compile in the ATC router (Rust {@code regex}). */
    private static void atc(ObjectNode row, ObjectNode errors) {
        for (String p : strings(row.get("paths"))) {
            if (!p.startsWith("~")) continue;
            String regex = p.substring(1);
            for (var e : NOT_RUST.entrySet()) {
                if (e.getKey().matcher(regex).find()) {
                    EntityHooks.entityError(errors, "Router Expression failed validation: regex parse error: " + regex
                            + ": error: " + e.getValue());
                    return;
                }
            }
        }
    }

    private static void elements(ObjectNode row, String field, ObjectNode errors, Function<String, String> rule) {
        JsonNode v = row.get(field);
        if (v == null || !v.isArray() || errors.has(field)) return;
        ArrayNode out = Field.F.arrayNode();
        boolean bad = false;
        for (JsonNode e : v) {
            String err = e.isTextual() ? rule.apply(e.asText()) : null;
            bad |= err != null;
            out.add(err == null ? NullNode.instance : Field.F.textNode(err));
        }
        if (bad) errors.set(field, out);
    }

    static boolean nonEmpty(ObjectNode row, String field) {
        JsonNode v = row.get(field);
        return v != null && !v.isNull() && !(v.isContainerNode() && v.isEmpty()) && !(v.isTextual() && v.asText().isEmpty());
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null && a.isArray()) a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
