package io.konggitops.translate.upstream.policy;

import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Active;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Hash;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Healthy;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Passive;
import io.konggitops.translate.upstream.policy.UpstreamPolicySpec.Unhealthy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The validation the KongUpstreamPolicy CRD makes the API server do (kubernetes-configuration
 * {@code kongupstreampolicy_types.go}: enums, minimums and maximums, the path pattern and the CEL
 * {@code XValidation} rules). A manifest from Git was never admitted by an API server, so these are checked here.
 */
public final class UpstreamPolicyRules {
    /** One broken rule: the field (path under {@code spec}), what is wrong and what to do. */
    public record Violation(String field, String message, String hint) {
    }

    static final Set<String> ALGORITHMS = Set.of("round-robin", "consistent-hashing", "least-connections", "latency",
            "sticky-sessions");
    static final Set<String> INPUTS = Set.of("ip", "consumer", "path", "none");
    static final Set<String> CHECK_TYPES = Set.of("http", "https", "tcp", "grpc", "grpcs");

    private UpstreamPolicyRules() {
    }

    public static List<Violation> check(UpstreamPolicySpec spec) {
        List<Violation> out = new ArrayList<>();
        Consumer<Violation> v = out::add;
        fieldRules(spec, v);
        celRules(spec, v);
        return out;
    }

    private static void fieldRules(UpstreamPolicySpec s, Consumer<Violation> v) {
        if (s.algorithm() != null && !ALGORITHMS.contains(s.algorithm())) {
            v.accept(new Violation("spec.algorithm", "unsupported value \"" + s.algorithm() + "\"",
                    "use round-robin, consistent-hashing, least-connections, latency or sticky-sessions"));
        }
        if (s.slots() != null && (s.slots() < 10 || s.slots() > 65536)) {
            v.accept(new Violation("spec.slots", "must be between 10 and 65536, not " + s.slots(),
                    "use a slots value between 10 and 65536"));
        }
        input(s.hashOn(), "spec.hashOn.input", v);
        input(s.hashOnFallback(), "spec.hashOnFallback.input", v);
        if (s.stickySessions() != null && s.stickySessions().cookie() != null
                && s.stickySessions().cookie().isEmpty()) {
            v.accept(new Violation("spec.stickySessions.cookie", "must not be empty", "name the cookie"));
        }
        if (s.healthchecks() == null) return;
        Active a = s.healthchecks().active();
        if (a != null) {
            type(a.type(), "spec.healthchecks.active.type", v);
            min(a.concurrency(), 1, "spec.healthchecks.active.concurrency", v);
            min(a.timeout(), 0, "spec.healthchecks.active.timeout", v);
            if (a.httpPath() != null && !a.httpPath().startsWith("/")) {
                v.accept(new Violation("spec.healthchecks.active.httpPath", "must start with /, not \""
                        + a.httpPath() + "\"", "write the path as /status"));
            }
            healthy(a.healthy(), "spec.healthchecks.active.healthy", v);
            unhealthy(a.unhealthy(), "spec.healthchecks.active.unhealthy", v);
        }
        Passive p = s.healthchecks().passive();
        if (p != null) {
            type(p.type(), "spec.healthchecks.passive.type", v);
            healthy(p.healthy(), "spec.healthchecks.passive.healthy", v);
            unhealthy(p.unhealthy(), "spec.healthchecks.passive.unhealthy", v);
        }
    }

    private static void celRules(UpstreamPolicySpec s, Consumer<Violation> v) {
        Hash on = s.hashOn();
        Hash fb = s.hashOnFallback();
        String alg = s.algorithm();
        if (on != null && count(on.input(), on.cookie(), on.header(), on.uriCapture(), on.queryArg()) > 1) {
            v.accept(new Violation("spec.hashOn", "only one of spec.hashOn.(input|cookie|header|uriCapture|queryArg) "
                    + "can be set", "keep one way of hashing and remove the others"));
        }
        if (on != null && on.cookie() != null && on.cookiePath() == null) {
            v.accept(new Violation("spec.hashOn.cookiePath", "spec.hashOn.cookie is set but spec.hashOn.cookiePath "
                    + "is missing", "add spec.hashOn.cookiePath (for example /)"));
        }
        if (on != null && on.cookiePath() != null && on.cookie() == null) {
            v.accept(new Violation("spec.hashOn.cookie", "spec.hashOn.cookiePath is set but spec.hashOn.cookie is "
                    + "missing", "add spec.hashOn.cookie or remove spec.hashOn.cookiePath"));
        }
        if (on != null && !"consistent-hashing".equals(alg) && !"sticky-sessions".equals(alg)) {
            v.accept(new Violation("spec.algorithm", "spec.hashOn is set, so spec.algorithm must be "
                    + "consistent-hashing or sticky-sessions" + got(alg), "set spec.algorithm: consistent-hashing, "
                    + "or remove spec.hashOn"));
        }
        if (fb != null && count(fb.input(), fb.header(), fb.uriCapture(), fb.queryArg()) > 1) {
            v.accept(new Violation("spec.hashOnFallback", "only one of spec.hashOnFallback.(input|header|uriCapture|"
                    + "queryArg) can be set", "keep one fallback and remove the others"));
        }
        if (fb != null && !"consistent-hashing".equals(alg)) {
            v.accept(new Violation("spec.algorithm", "spec.hashOnFallback is set, so spec.algorithm must be "
                    + "consistent-hashing" + got(alg), "set spec.algorithm: consistent-hashing, or remove "
                    + "spec.hashOnFallback"));
        }
        if (on != null && on.cookie() != null && fb != null) {
            v.accept(new Violation("spec.hashOnFallback", "spec.hashOnFallback must not be set when spec.hashOn.cookie "
                    + "is set", "remove spec.hashOnFallback: a cookie is always present (Kong sets it)"));
        }
        var hc = s.healthchecks();
        if (hc != null && hc.passive() != null && hc.passive().healthy() != null
                && hc.passive().healthy().interval() != null) {
            v.accept(new Violation("spec.healthchecks.passive.healthy.interval", "must not be set: passive checks have "
                    + "no interval", "remove it (intervals belong to spec.healthchecks.active)"));
        }
        if (hc != null && hc.passive() != null && hc.passive().unhealthy() != null
                && hc.passive().unhealthy().interval() != null) {
            v.accept(new Violation("spec.healthchecks.passive.unhealthy.interval", "must not be set: passive checks "
                    + "have no interval", "remove it (intervals belong to spec.healthchecks.active)"));
        }
        var sticky = s.stickySessions();
        if (sticky != null) {
            boolean inputNone = on != null && "none".equals(on.input()) && on.cookie() == null
                    && on.cookiePath() == null && on.header() == null && on.uriCapture() == null
                    && on.queryArg() == null;
            if (!inputNone) {
                v.accept(new Violation("spec.hashOn.input", "spec.stickySessions is set, so spec.hashOn.input must be "
                        + "none (no other hashOn field)", "set spec.hashOn: {input: none}"));
            }
            if (sticky.cookie() == null) {
                v.accept(new Violation("spec.stickySessions.cookie", "required when spec.stickySessions is set",
                        "name the sticky-session cookie"));
            }
            if (!"sticky-sessions".equals(alg)) {
                v.accept(new Violation("spec.algorithm", "spec.stickySessions is set, so spec.algorithm must be "
                        + "sticky-sessions" + got(alg), "set spec.algorithm: sticky-sessions"));
            }
        }
    }

    private static String got(String alg) {
        return alg == null ? " (it is not set)" : ", not " + alg;
    }

    private static int count(String... values) {
        int n = 0;
        for (String s : values) if (s != null) n++;
        return n;
    }

    private static void input(Hash h, String field, Consumer<Violation> v) {
        if (h != null && h.input() != null && !INPUTS.contains(h.input())) {
            v.accept(new Violation(field, "unsupported value \"" + h.input() + "\"", "use ip, consumer, path or none"));
        }
    }

    private static void type(String type, String field, Consumer<Violation> v) {
        if (type != null && !CHECK_TYPES.contains(type)) {
            v.accept(new Violation(field, "unsupported value \"" + type + "\"", "use http, https, tcp, grpc or grpcs"));
        }
    }

    private static void min(Integer value, int min, String field, Consumer<Violation> v) {
        if (value != null && value < min) {
            v.accept(new Violation(field, "must be at least " + min + ", not " + value, "use a value >= " + min));
        }
    }

    private static void statuses(List<Integer> statuses, String field, Consumer<Violation> v) {
        if (statuses == null) return;
        for (Integer s : statuses) {
            if (s == null || s < 100 || s > 599) {
                v.accept(new Violation(field, "HTTP status " + s + " is not between 100 and 599",
                        "list HTTP status codes between 100 and 599"));
            }
        }
    }

    private static void healthy(Healthy h, String at, Consumer<Violation> v) {
        if (h == null) return;
        statuses(h.httpStatuses(), at + ".httpStatuses", v);
        min(h.interval(), 0, at + ".interval", v);
        min(h.successes(), 0, at + ".successes", v);
    }

    private static void unhealthy(Unhealthy u, String at, Consumer<Violation> v) {
        if (u == null) return;
        min(u.httpFailures(), 0, at + ".httpFailures", v);
        statuses(u.httpStatuses(), at + ".httpStatuses", v);
        min(u.tcpFailures(), 0, at + ".tcpFailures", v);
        min(u.timeouts(), 0, at + ".timeouts", v);
        min(u.interval(), 0, at + ".interval", v);
    }
}
