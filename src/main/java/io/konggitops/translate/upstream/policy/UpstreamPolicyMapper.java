package io.konggitops.translate.upstream.policy;

import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Active;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Hash;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Healthchecks;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Healthy;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Passive;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Unhealthy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A valid KongUpstreamPolicy spec → the Kong upstream fields it sets (kic-translation §3.3, KIC
 * {@code TranslateKongUpstreamPolicy}). Only fields the policy sets appear; the caller overlays them on the upstream.
 */
public final class UpstreamPolicyMapper {
    private UpstreamPolicyMapper() {
    }

    public static Map<String, Object> upstreamFields(UpstreamPolicySpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "algorithm", spec.algorithm());
        put(out, "slots", spec.slots());
        if (spec.healthchecks() != null) out.put("healthchecks", healthchecks(spec.healthchecks()));
        Hash on = spec.hashOn();
        Hash fallback = spec.hashOnFallback();
        put(out, "hash_on", hashType(on));
        put(out, "hash_on_header", on == null ? null : on.header());
        put(out, "hash_on_uri_capture", on == null ? null : on.uriCapture());
        // a cookie can only come from hashOn, but KIC also reads it from the fallback
        put(out, "hash_on_cookie", on != null && on.cookie() != null ? on.cookie()
                : fallback == null ? null : fallback.cookie());
        put(out, "hash_on_cookie_path", on != null && on.cookiePath() != null ? on.cookiePath()
                : fallback == null ? null : fallback.cookiePath());
        put(out, "hash_on_query_arg", on == null ? null : on.queryArg());
        put(out, "hash_fallback", hashType(fallback));
        put(out, "hash_fallback_header", fallback == null ? null : fallback.header());
        put(out, "hash_fallback_uri_capture", fallback == null ? null : fallback.uriCapture());
        put(out, "hash_fallback_query_arg", fallback == null ? null : fallback.queryArg());
        if (spec.stickySessions() != null) {
            put(out, "sticky_sessions_cookie", spec.stickySessions().cookie());
            put(out, "sticky_sessions_cookie_path", spec.stickySessions().cookiePath());
        }
        return out;
    }

    /** {@code input} as-is, else the kind of the one field set; null when nothing is set. */
    static String hashType(Hash h) {
        if (h == null) return null;
        if (h.input() != null) return h.input();
        if (h.header() != null) return "header";
        if (h.cookie() != null) return "cookie";
        if (h.queryArg() != null) return "query_arg";
        if (h.uriCapture() != null) return "uri_capture";
        return null;
    }

    private static Map<String, Object> healthchecks(Healthchecks h) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.active() != null) out.put("active", active(h.active()));
        if (h.passive() != null) out.put("passive", passive(h.passive()));
        if (h.threshold() != null) out.put("threshold", h.threshold().doubleValue());
        return out;
    }

    private static Map<String, Object> active(Active a) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "type", a.type());
        put(out, "concurrency", a.concurrency());
        put(out, "http_path", a.httpPath());
        put(out, "https_sni", a.httpsSni());
        put(out, "https_verify_certificate", a.httpsVerifyCertificate());
        put(out, "timeout", a.timeout());
        if (a.headers() != null) out.put("headers", new TreeMap<>(a.headers()));
        if (a.healthy() != null) out.put("healthy", healthy(a.healthy()));
        if (a.unhealthy() != null) out.put("unhealthy", unhealthy(a.unhealthy()));
        return out;
    }

    private static Map<String, Object> passive(Passive p) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "type", p.type());
        if (p.healthy() != null) out.put("healthy", healthy(p.healthy()));
        if (p.unhealthy() != null) out.put("unhealthy", unhealthy(p.unhealthy()));
        return out;
    }

    private static Map<String, Object> healthy(Healthy h) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.httpStatuses() != null) out.put("http_statuses", List.copyOf(h.httpStatuses()));
        put(out, "interval", h.interval());
        put(out, "successes", h.successes());
        return out;
    }

    private static Map<String, Object> unhealthy(Unhealthy u) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "http_failures", u.httpFailures());
        if (u.httpStatuses() != null) out.put("http_statuses", List.copyOf(u.httpStatuses()));
        put(out, "tcp_failures", u.tcpFailures());
        put(out, "timeouts", u.timeouts());
        put(out, "interval", u.interval());
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) out.put(key, value);
    }
}
