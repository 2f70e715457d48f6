package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code kong/db/schema/entities/upstreams.lua}: the name is a host name (no IP, no port); algorithm, slots, the
 * {@code hash_*} fields and their {@code entity_checks}; the {@code healthchecks} record ({@link HealthcheckRules}).
 * {@code sticky-sessions} and the {@code sticky_sessions_cookie*} fields exist from Kong Gateway 3.11 (KIC
 * {@code versions.KongStickySessionsCutoff}); they are not in the open-source {@code upstreams.lua}.
 */
final class UpstreamRules implements EntityRules {
    private static final Typedef NAME = Typedef.string(UpstreamRules::name);
    private static final List<String> HASH_ON = List.of("none", "consumer", "ip", "header", "cookie", "path",
            "query_arg", "uri_capture");
    private static final Typedef SIMPLE_PARAM = Typedef.string(s -> s.isEmpty() ? "length must be at least 1" : null);
    private static final String HASH_HINT = "fix spec.hashOn / spec.hashOnFallback of the KongUpstreamPolicy (or the "
            + "hash_* fields of the KongIngress upstream section)";

    @Override
    public EntityType type() {
        return EntityType.UPSTREAM;
    }

    @Override
    public void check(Checks c) {
        c.required("name", "");
        c.field("name", NAME, "an upstream is named like a host; use a DNS name, not an IP address or host:port");
        boolean sticky = KongVersions.atLeast(c.target().version(), 3, 11);
        List<String> algorithms = new ArrayList<>(List.of("consistent-hashing", "least-connections", "round-robin",
                "latency"));
        if (sticky) algorithms.add("sticky-sessions");
        c.field("algorithm", Typedef.oneOf(algorithms), "use round-robin, consistent-hashing, least-connections or "
                + "latency" + (sticky ? " or sticky-sessions" : " (sticky-sessions needs Kong Gateway 3.11 or later)"));
        c.field("slots", Typedef.between(10, 1 << 16), "use slots between 10 and 65536");
        Typedefs.tags(c);
        c.field("host_header", Typedefs.HOST_WITH_OPTIONAL_PORT, "use a host name with an optional port");
        c.field("hash_on", Typedef.oneOf(HASH_ON), HASH_HINT);
        c.field("hash_fallback", Typedef.oneOf(HASH_ON), HASH_HINT);
        c.field("hash_on_header", Typedefs.HEADER_NAME_T, HASH_HINT);
        c.field("hash_fallback_header", Typedefs.HEADER_NAME_T, HASH_HINT);
        c.field("hash_on_cookie", HealthcheckRules.COOKIE_NAME, HASH_HINT);
        c.field("hash_on_cookie_path", Typedefs.PATH, HASH_HINT);
        for (String f : List.of("hash_on_query_arg", "hash_fallback_query_arg", "hash_on_uri_capture",
                "hash_fallback_uri_capture")) {
            c.field(f, SIMPLE_PARAM, HASH_HINT);
        }
        if (sticky) {
            c.field("sticky_sessions_cookie", HealthcheckRules.COOKIE_NAME, "fix spec.stickySessions.cookie");
            c.field("sticky_sessions_cookie_path", Typedefs.PATH, "fix spec.stickySessions.cookiePath");
        } else {
            for (String f : List.of("sticky_sessions_cookie", "sticky_sessions_cookie_path")) {
                if (c.get(f) != null) c.fail(f, "unknown field", "sticky sessions need Kong Gateway 3.11 or later");
            }
        }
        HealthcheckRules.check(c);
        if (!c.found().isEmpty()) return;
        entityChecks(c);
    }

    /** The {@code entity_checks} of upstreams.lua (absent hash_on / hash_fallback count as Kong's default none). */
    private static void entityChecks(Checks c) {
        String on = c.string("hash_on") == null ? "none" : c.string("hash_on");
        String fb = c.string("hash_fallback") == null ? "none" : c.string("hash_fallback");
        requiredIf(c, "hash_on", on, "header", "hash_on_header");
        requiredIf(c, "hash_fallback", fb, "header", "hash_fallback_header");
        requiredIf(c, "hash_on", on, "cookie", "hash_on_cookie");
        requiredIf(c, "hash_fallback", fb, "cookie", "hash_on_cookie");
        requiredIf(c, "hash_on", on, "query_arg", "hash_on_query_arg");
        requiredIf(c, "hash_fallback", fb, "query_arg", "hash_fallback_query_arg");
        requiredIf(c, "hash_on", on, "uri_capture", "hash_on_uri_capture");
        requiredIf(c, "hash_fallback", fb, "uri_capture", "hash_fallback_uri_capture");
        if ((on.equals("none") || on.equals("cookie")) && !fb.equals("none")) {
            fallback(c, List.of("none"));
        }
        switch (on) {
            case "consumer" -> fallbackNot(c, fb, "consumer");
            case "ip" -> fallbackNot(c, fb, "ip");
            case "path" -> fallbackNot(c, fb, "path");
            default -> { }
        }
        distinct(c, "hash_on_header", "hash_fallback_header");
        distinct(c, "hash_on_query_arg", "hash_fallback_query_arg");
        distinct(c, "hash_on_uri_capture", "hash_fallback_uri_capture");
    }

    private static void requiredIf(Checks c, String ifField, String value, String match, String then) {
        if (value.equals(match) && c.get(then) == null) {
            c.fail(then, "required field missing (failed conditional validation given value of field '" + ifField
                    + "')", HASH_HINT);
        }
    }

    private static void fallbackNot(Checks c, String fb, String same) {
        if (fb.equals(same)) {
            List<String> allowed = new ArrayList<>(HASH_ON);
            allowed.remove(same);
            fallback(c, allowed);
        }
    }

    private static void fallback(Checks c, List<String> allowed) {
        c.fail("hash_fallback", "expected one of: " + String.join(", ", allowed) + " (failed conditional validation "
                + "given value of field 'hash_on')", "use a hash fallback different from hash_on, and none when "
                + "hashing on none or cookie");
    }

    private static void distinct(Checks c, String a, String b) {
        Object x = c.get(a);
        if (x != null && Objects.equals(x, c.get(b))) {
            c.fail(b, "values of these fields must be distinct: '" + a + "', '" + b + "'", HASH_HINT);
        }
    }

    /** {@code validate_name} of upstreams.lua. */
    private static String name(String name) {
        HostNames.Parsed p = HostNames.normalize(name);
        if (!p.ok()) return "Invalid name ('" + name + "'); must be a valid hostname";
        if (!p.type().equals("name")) return "Invalid name ('" + name + "'); no ip addresses allowed";
        if (p.port() != null) return "Invalid name ('" + name + "'); no port allowed";
        return null;
    }
}
