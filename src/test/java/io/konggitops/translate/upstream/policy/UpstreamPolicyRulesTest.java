package io.konggitops.translate.upstream.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One row per rule of the KongUpstreamPolicy CRD (enums, ranges, pattern, CEL): what breaks it, and what passes. */
class UpstreamPolicyRulesTest {
    private static final ObjectMapper YAML = new YAMLMapper();

    static Stream<Arguments> broken() {
        return Stream.of(
                arguments("an unknown algorithm is refused", "{algorithm: random}", "spec.algorithm",
                        "unsupported value \"random\""),
                arguments("slots below 10 are refused", "{slots: 9}", "spec.slots", "between 10 and 65536"),
                arguments("slots above 65536 are refused", "{slots: 65537}", "spec.slots", "between 10 and 65536"),
                arguments("an unknown hash input is refused", "{algorithm: consistent-hashing, hashOn: {input: body}}",
                        "spec.hashOn.input", "unsupported value \"body\""),
                arguments("only one hashOn field may be set",
                        "{algorithm: consistent-hashing, hashOn: {input: ip, header: x-user}}", "spec.hashOn",
                        "only one of spec.hashOn"),
                arguments("a hash cookie needs a cookie path",
                        "{algorithm: consistent-hashing, hashOn: {cookie: s}}", "spec.hashOn.cookiePath",
                        "spec.hashOn.cookiePath is missing"),
                arguments("a cookie path needs a cookie",
                        "{algorithm: consistent-hashing, hashOn: {input: ip, cookiePath: /}}", "spec.hashOn.cookie",
                        "spec.hashOn.cookie is missing"),
                arguments("hashOn needs consistent-hashing or sticky-sessions",
                        "{algorithm: round-robin, hashOn: {input: ip}}", "spec.algorithm",
                        "must be consistent-hashing or sticky-sessions, not round-robin"),
                arguments("hashOn without any algorithm is refused", "{hashOn: {input: ip}}", "spec.algorithm",
                        "(it is not set)"),
                arguments("only one hashOnFallback field may be set",
                        "{algorithm: consistent-hashing, hashOn: {input: ip}, hashOnFallback: {input: path, "
                                + "queryArg: q}}", "spec.hashOnFallback", "only one of spec.hashOnFallback"),
                arguments("hashOnFallback needs consistent-hashing",
                        "{algorithm: sticky-sessions, hashOn: {input: none}, hashOnFallback: {input: ip}}",
                        "spec.algorithm", "must be consistent-hashing, not sticky-sessions"),
                arguments("no fallback when hashing on a cookie",
                        "{algorithm: consistent-hashing, hashOn: {cookie: s, cookiePath: /}, "
                                + "hashOnFallback: {input: ip}}", "spec.hashOnFallback",
                        "must not be set when spec.hashOn.cookie is set"),
                arguments("a passive healthy interval is refused",
                        "{healthchecks: {passive: {healthy: {interval: 1}}}}",
                        "spec.healthchecks.passive.healthy.interval", "must not be set"),
                arguments("a passive unhealthy interval is refused",
                        "{healthchecks: {passive: {unhealthy: {interval: 1}}}}",
                        "spec.healthchecks.passive.unhealthy.interval", "must not be set"),
                arguments("sticky sessions need hashOn input none",
                        "{algorithm: sticky-sessions, hashOn: {input: ip}, stickySessions: {cookie: s}}",
                        "spec.hashOn.input", "must be none"),
                arguments("sticky sessions need no other hashOn field",
                        "{algorithm: sticky-sessions, hashOn: {input: none, header: x}, stickySessions: {cookie: s}}",
                        "spec.hashOn.input", "must be none"),
                arguments("sticky sessions need a cookie",
                        "{algorithm: sticky-sessions, hashOn: {input: none}, stickySessions: {cookiePath: /}}",
                        "spec.stickySessions.cookie", "required"),
                arguments("an empty sticky-session cookie is refused",
                        "{algorithm: sticky-sessions, hashOn: {input: none}, stickySessions: {cookie: ''}}",
                        "spec.stickySessions.cookie", "must not be empty"),
                arguments("sticky sessions need the sticky-sessions algorithm",
                        "{algorithm: consistent-hashing, hashOn: {input: none}, stickySessions: {cookie: s}}",
                        "spec.algorithm", "must be sticky-sessions, not consistent-hashing"),
                arguments("an unknown active check type is refused", "{healthchecks: {active: {type: udp}}}",
                        "spec.healthchecks.active.type", "unsupported value \"udp\""),
                arguments("an unknown passive check type is refused", "{healthchecks: {passive: {type: icmp}}}",
                        "spec.healthchecks.passive.type", "unsupported value \"icmp\""),
                arguments("a concurrency of 0 is refused", "{healthchecks: {active: {concurrency: 0}}}",
                        "spec.healthchecks.active.concurrency", "at least 1"),
                arguments("a negative timeout is refused", "{healthchecks: {active: {timeout: -1}}}",
                        "spec.healthchecks.active.timeout", "at least 0"),
                arguments("a check path must start with a slash", "{healthchecks: {active: {httpPath: status}}}",
                        "spec.healthchecks.active.httpPath", "must start with /"),
                arguments("an HTTP status below 100 is refused",
                        "{healthchecks: {active: {healthy: {httpStatuses: [200, 99]}}}}",
                        "spec.healthchecks.active.healthy.httpStatuses", "99 is not between 100 and 599"),
                arguments("an HTTP status above 599 is refused",
                        "{healthchecks: {passive: {unhealthy: {httpStatuses: [600]}}}}",
                        "spec.healthchecks.passive.unhealthy.httpStatuses", "600 is not between 100 and 599"),
                arguments("negative counters are refused", "{healthchecks: {active: {unhealthy: {tcpFailures: -1}}}}",
                        "spec.healthchecks.active.unhealthy.tcpFailures", "at least 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void theCrdRefuses(String rule, String spec, String field, String message) throws Exception {
        var violations = UpstreamPolicyRules.check(YAML.readValue(spec, UpstreamPolicySpec.class));
        assertThat(violations).as(rule).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(message);
            assertThat(v.hint()).isNotBlank();
        });
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("an empty spec passes", "{}"),
                arguments("least-connections alone passes", "{algorithm: least-connections, slots: 10}"),
                arguments("consistent hashing on a header with a fallback passes",
                        "{algorithm: consistent-hashing, slots: 65536, hashOn: {header: x-user}, "
                                + "hashOnFallback: {uriCapture: id}}"),
                arguments("hashing on a cookie with its path passes",
                        "{algorithm: consistent-hashing, hashOn: {cookie: s, cookiePath: /}}"),
                arguments("sticky sessions with input none pass",
                        "{algorithm: sticky-sessions, hashOn: {input: none}, stickySessions: {cookie: s, "
                                + "cookiePath: /}}"),
                arguments("full health checks pass",
                        "{healthchecks: {threshold: 30, active: {type: https, concurrency: 1, timeout: 0, "
                                + "httpPath: /healthz, httpsSni: a.b, httpsVerifyCertificate: false, "
                                + "headers: {x: [y]}, healthy: {interval: 0, successes: 0, httpStatuses: [100, 599]}, "
                                + "unhealthy: {interval: 1, httpFailures: 0, tcpFailures: 0, timeouts: 0}}, "
                                + "passive: {type: tcp, healthy: {successes: 1}, unhealthy: {timeouts: 1}}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void theCrdAccepts(String rule, String spec) throws Exception {
        assertThat(UpstreamPolicyRules.check(YAML.readValue(spec, UpstreamPolicySpec.class))).as(rule).isEmpty();
    }
}
