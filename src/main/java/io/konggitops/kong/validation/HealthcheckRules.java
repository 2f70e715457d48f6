package io.konggitops.kong.validation;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code healthchecks} record of an upstream ({@code kong/db/schema/entities/upstreams.lua}: the fields
 * {@code gen_fields} makes from {@code healthchecks_config} with the {@code types} table, plus {@code threshold}).
 * Field paths are reported as Kong does ({@code healthchecks.active.timeout}).
 */
final class HealthcheckRules {
    private static final Pattern HTTP_TOKEN_FORBIDDEN = Pattern.compile("[\\x00-\\x1F\\x7F ()<>@,;:\\\\\"/?={}\\[\\]\\t]");
    private static final List<String> CHECK_TYPES = List.of("tcp", "http", "https", "grpc", "grpcs");
    private static final String HINT = "fix the health check in the KongUpstreamPolicy (spec.healthchecks) or "
            + "KongIngress (upstream.healthchecks)";

    /** {@code seconds}: a number between 0 and 65535. */
    static final Typedef SECONDS = number(0, 65535);
    /** {@code positive_int}. */
    static final Typedef POSITIVE_INT = Typedef.between(1, 1L << 31);
    /** {@code one_byte_integer}. */
    static final Typedef ONE_BYTE = Typedef.between(0, 255);
    static final Typedef HTTP_STATUS = Typedef.between(100, 999);
    static final Typedef BOOLEAN = v -> v instanceof Boolean ? null : "expected a boolean";
    /** {@code typedefs.cookie_name} ({@code validate_http_token}). */
    static final Typedef COOKIE_NAME = Typedef.string(s -> s.isEmpty() ? "no token provided"
            : HTTP_TOKEN_FORBIDDEN.matcher(s).find() ? "contains one or more invalid characters. ASCII control "
            + "characters (0-31;127), space, tab and the characters ()<>@,;:\\\"/?={}[] are not allowed." : null);

    private HealthcheckRules() {
    }

    static void check(Checks c) {
        Object hc = c.get("healthchecks");
        if (hc == null) return;
        if (!(hc instanceof Map<?, ?> m)) {
            c.fail("healthchecks", "expected a record", HINT);
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            String at = "healthchecks." + k;
            Object v = e.getValue();
            if (v == null) continue;
            switch (k) {
                case "active" -> record(c, at, v, true);
                case "passive" -> record(c, at, v, false);
                case "threshold" -> field(c, at, number(0, 100), v);
                default -> c.fail(at, "unknown field", HINT);
            }
        }
    }

    private static void record(Checks c, String at, Object value, boolean active) {
        if (!(value instanceof Map<?, ?> m)) {
            c.fail(at, "expected a record", HINT);
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            String path = at + "." + k;
            Object v = e.getValue();
            if (v == null) continue;
            switch (k) {
                case "type" -> field(c, path, Typedef.oneOf(CHECK_TYPES), v);
                case "healthy" -> counters(c, path, v, active, true);
                case "unhealthy" -> counters(c, path, v, active, false);
                default -> {
                    if (!active) {
                        c.fail(path, "unknown field", HINT);
                        continue;
                    }
                    switch (k) {
                        case "timeout" -> field(c, path, SECONDS, v);
                        case "concurrency" -> field(c, path, POSITIVE_INT, v);
                        case "http_path" -> field(c, path, Typedefs.PATH, v);
                        case "https_sni" -> field(c, path, Typedefs.SNI, v);
                        case "https_verify_certificate" -> field(c, path, BOOLEAN, v);
                        case "headers" -> headers(c, path, v);
                        default -> c.fail(path, "unknown field", HINT);
                    }
                }
            }
        }
    }

    /** healthy: interval (active only), http_statuses, successes; unhealthy adds tcp_failures, timeouts, http_failures. */
    private static void counters(Checks c, String at, Object value, boolean active, boolean healthy) {
        if (!(value instanceof Map<?, ?> m)) {
            c.fail(at, "expected a record", HINT);
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            String path = at + "." + k;
            Object v = e.getValue();
            if (v == null) continue;
            if (k.equals("interval") && active) {
                field(c, path, SECONDS, v);
            } else if (k.equals("http_statuses")) {
                if (!(v instanceof List<?> l)) {
                    c.fail(path, "expected an array", HINT);
                    continue;
                }
                for (int i = 0; i < l.size(); i++) field(c, path + "[" + i + "]", HTTP_STATUS, l.get(i));
            } else if (k.equals("successes") && healthy
                    || List.of("tcp_failures", "timeouts", "http_failures").contains(k) && !healthy) {
                field(c, path, ONE_BYTE, v);
            } else {
                c.fail(path, "unknown field", HINT);
            }
        }
    }

    /** {@code typedefs.headers}: header name → array of strings. */
    private static void headers(Checks c, String at, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            c.fail(at, "expected a map", HINT);
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = String.valueOf(e.getKey());
            String why = Typedefs.HEADER_NAME_T.check(name);
            if (why != null) c.fail(at, why, HINT);
            if (!(e.getValue() instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
                c.fail(at + "." + name, "expected an array of strings", HINT);
            }
        }
    }

    private static void field(Checks c, String path, Typedef t, Object v) {
        String why = t.check(v);
        if (why != null) c.fail(path, why, HINT);
    }

    /** A Kong {@code number} with {@code between}. */
    static Typedef number(double min, double max) {
        return v -> {
            if (!(v instanceof Number n)) return "expected a number";
            double d = n.doubleValue();
            return d < min || d > max ? "value should be between " + fmt(min) + " and " + fmt(max) : null;
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
