package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Kong's upstream rules ({@code upstreams.lua}): hash fields, their entity checks and the healthchecks record. */
class UpstreamValidationTest {
    private static final KongTarget KONG_39 = new KongTarget("3.9.1", RouterFlavor.TRADITIONAL_COMPATIBLE, false);
    private static final KongTarget KONG_311 = new KongTarget("3.11.0", RouterFlavor.TRADITIONAL_COMPATIBLE, false);

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("hashing on a header needs the header name", KONG_39, up(Map.of("hash_on", "header")),
                        "hash_on_header", "required field missing (failed conditional validation given value of "
                                + "field 'hash_on')"),
                arguments("a cookie fallback needs hash_on_cookie", KONG_39,
                        up(Map.of("hash_on", "ip", "hash_fallback", "cookie")), "hash_on_cookie",
                        "required field missing"),
                arguments("hashing on a query argument needs its name", KONG_39, up(Map.of("hash_on", "query_arg")),
                        "hash_on_query_arg", "required field missing"),
                arguments("a uri capture fallback needs its name", KONG_39,
                        up(Map.of("hash_on", "ip", "hash_fallback", "uri_capture")), "hash_fallback_uri_capture",
                        "required field missing"),
                arguments("no fallback when hashing on none", KONG_39, up(Map.of("hash_fallback", "ip")),
                        "hash_fallback", "expected one of: none"),
                arguments("no fallback when hashing on a cookie", KONG_39, up(Map.of("hash_on", "cookie",
                        "hash_on_cookie", "s", "hash_fallback", "ip")), "hash_fallback", "expected one of: none"),
                arguments("the fallback must differ from hash_on", KONG_39,
                        up(Map.of("hash_on", "consumer", "hash_fallback", "consumer")), "hash_fallback",
                        "expected one of: none, ip, header, cookie, path, query_arg, uri_capture"),
                arguments("the two hash headers must differ", KONG_39, up(Map.of("hash_on", "header",
                        "hash_on_header", "x-a", "hash_fallback", "header", "hash_fallback_header", "x-a")),
                        "hash_fallback_header", "values of these fields must be distinct"),
                arguments("an unknown hash input is refused", KONG_39, up(Map.of("hash_on", "body")), "hash_on",
                        "expected one of: none, consumer, ip"),
                arguments("a hash header name with a space is refused", KONG_39, up(Map.of("hash_on", "header",
                        "hash_on_header", "x user")), "hash_on_header", "bad header name 'x user'"),
                arguments("a cookie name with a semicolon is refused", KONG_39, up(Map.of("hash_on", "cookie",
                        "hash_on_cookie", "a;b")), "hash_on_cookie", "contains one or more invalid characters"),
                arguments("sticky-sessions is unknown before Kong 3.11", KONG_39,
                        up(Map.of("algorithm", "sticky-sessions")), "algorithm", "expected one of"),
                arguments("a sticky-session cookie is an unknown field before Kong 3.11", KONG_39,
                        up(Map.of("sticky_sessions_cookie", "s")), "sticky_sessions_cookie", "unknown field"),
                arguments("an active check timeout above 65535 seconds is refused", KONG_39,
                        hc(Map.of("active", Map.of("timeout", 70000))), "healthchecks.active.timeout",
                        "value should be between 0 and 65535"),
                arguments("a concurrency of 0 is refused", KONG_39, hc(Map.of("active", Map.of("concurrency", 0))),
                        "healthchecks.active.concurrency", "value should be between 1 and 2147483648"),
                arguments("a fractional concurrency is refused", KONG_39,
                        hc(Map.of("active", Map.of("concurrency", 1.5))), "healthchecks.active.concurrency",
                        "expected an integer"),
                arguments("an unknown check type is refused", KONG_39, hc(Map.of("active", Map.of("type", "udp"))),
                        "healthchecks.active.type", "expected one of: tcp, http, https, grpc, grpcs"),
                arguments("a check path without a leading slash is refused", KONG_39,
                        hc(Map.of("active", Map.of("http_path", "status"))), "healthchecks.active.http_path",
                        "should start with: /"),
                arguments("an IP address as check SNI is refused", KONG_39,
                        hc(Map.of("active", Map.of("https_sni", "10.0.0.1"))), "healthchecks.active.https_sni",
                        "must not be an IP"),
                arguments("https_verify_certificate must be a boolean", KONG_39,
                        hc(Map.of("active", Map.of("https_verify_certificate", "yes"))),
                        "healthchecks.active.https_verify_certificate", "expected a boolean"),
                arguments("a check header name with a colon is refused", KONG_39,
                        hc(Map.of("active", Map.of("headers", Map.of("x:y", List.of("1"))))),
                        "healthchecks.active.headers", "bad header name 'x:y'"),
                arguments("more than 255 successes is refused", KONG_39,
                        hc(Map.of("active", Map.of("healthy", Map.of("successes", 256)))),
                        "healthchecks.active.healthy.successes", "value should be between 0 and 255"),
                arguments("an HTTP status of 1000 is refused", KONG_39,
                        hc(Map.of("passive", Map.of("unhealthy", Map.of("http_statuses", List.of(500, 1000))))),
                        "healthchecks.passive.unhealthy.http_statuses[1]", "value should be between 100 and 999"),
                arguments("a passive check has no interval", KONG_39,
                        hc(Map.of("passive", Map.of("healthy", Map.of("interval", 5)))),
                        "healthchecks.passive.healthy.interval", "unknown field"),
                arguments("a passive check has no http_path", KONG_39,
                        hc(Map.of("passive", Map.of("http_path", "/"))), "healthchecks.passive.http_path",
                        "unknown field"),
                arguments("healthy counters have no failures", KONG_39,
                        hc(Map.of("active", Map.of("healthy", Map.of("tcp_failures", 1)))),
                        "healthchecks.active.healthy.tcp_failures", "unknown field"),
                arguments("a threshold above 100 is refused", KONG_39, hc(Map.of("threshold", 101)),
                        "healthchecks.threshold", "value should be between 0 and 100"),
                arguments("a threshold must be a number", KONG_39, hc(Map.of("threshold", "half")),
                        "healthchecks.threshold", "expected a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void kongRejects(String rule, KongTarget target, KongEntity entity, String field, String message) {
        assertThat(KongValidator.validate(entity, target)).as(rule).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(message);
        });
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("consistent hashing on a header with an ip fallback passes", KONG_39,
                        up(Map.of("algorithm", "consistent-hashing", "hash_on", "header", "hash_on_header", "x-user",
                                "hash_fallback", "ip"))),
                arguments("hashing on a cookie with its path passes", KONG_39, up(Map.of("hash_on", "cookie",
                        "hash_on_cookie", "session", "hash_on_cookie_path", "/cart"))),
                arguments("sticky sessions pass on Kong 3.11", KONG_311, up(Map.of("algorithm", "sticky-sessions",
                        "hash_on", "none", "sticky_sessions_cookie", "affinity", "sticky_sessions_cookie_path", "/"))),
                arguments("full active and passive checks pass", KONG_39, hc(Map.of("threshold", 25.5,
                        "active", Map.of("type", "https", "timeout", 1.5, "concurrency", 10, "http_path", "/healthz",
                                "https_sni", "web.internal", "https_verify_certificate", false,
                                "headers", Map.of("x-probe", List.of("a", "b")),
                                "healthy", Map.of("interval", 5, "successes", 2, "http_statuses", List.of(200)),
                                "unhealthy", Map.of("interval", 5, "http_failures", 3, "tcp_failures", 2,
                                        "timeouts", 1, "http_statuses", List.of(500))),
                        "passive", Map.of("type", "tcp", "healthy", Map.of("successes", 3),
                                "unhealthy", Map.of("tcp_failures", 2, "timeouts", 3))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void kongAccepts(String rule, KongTarget target, KongEntity entity) {
        assertThat(KongValidator.validate(entity, target)).as(rule).isEmpty();
    }

    private static KongEntity up(Map<String, Object> fields) {
        Map<String, Object> f = new LinkedHashMap<>(Map.of("name", "web.shop.80.svc"));
        f.putAll(fields);
        return KongEntity.of(EntityType.UPSTREAM, f);
    }

    private static KongEntity hc(Map<String, Object> healthchecks) {
        return up(Map.of("healthchecks", healthchecks));
    }
}
