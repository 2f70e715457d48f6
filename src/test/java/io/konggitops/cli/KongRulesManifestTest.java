package io.konggitops.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One manifest per Kong rule (src/test/resources/kong-rules/<case>), each accepted by Kubernetes but refused by Kong:
 * {@code validate} exits 1 naming the object and its file:line with Kong's wording, and {@code render} leaves that
 * object (and what depends on it) out while the unrelated Ingress in the same repository stays.
 */
class KongRulesManifestTest {
    private static final Path CASES = Path.of("src/test/resources/kong-rules").toAbsolutePath();

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("a tag with a slash", "tag-with-slash", "ingress.yaml:1 Ingress shop/web",
                        "field tags[5]: invalid tag 'team/app'"),
                arguments("an Exact path that is no regex", "exact-path-invalid-regex",
                        "ingress.yaml:1 Ingress shop/web", "invalid regex: '/v1/items($'"),
                arguments("a look-ahead under traditional_compatible", "lookahead-under-atc",
                        "ingress.yaml:1 Ingress shop/web", "look-around, including look-ahead and look-behind, is "
                                + "not supported"),
                arguments("SNIs on an http-only route", "snis-on-http-route", "ingress.yaml:1 Ingress shop/web",
                        "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'"),
                arguments("a host header", "host-header", "ingress.yaml:1 Ingress shop/web",
                        "cannot contain 'host' header"),
                arguments("a header name with a dot", "bad-header-name", "ingress.yaml:1 Ingress shop/web",
                        "bad header name 'x.y'"),
                arguments("a header regex with a look-ahead under traditional_compatible", "header-regex-under-atc",
                        "ingress.yaml:1 Ingress shop/web", "field headers.x-version: Router Expression failed"),
                arguments("a route path that is not normalized", "route-path-not-normalized",
                        "ingress.yaml:1 Ingress shop/web", "non-normalized path, consider use '/api/A' instead"),
                arguments("a tcp route with a host and a path", "tcp-route-with-paths",
                        "ingress.yaml:1 Ingress shop/web",
                        "cannot set 'paths' when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'"),
                arguments("a Service path with an empty segment", "service-path-empty-segment",
                        "services.yaml:12 Service shop/web", "field path: must not have empty segments"),
                arguments("Service retries out of range", "service-retries-out-of-range",
                        "services.yaml:12 Service shop/web", "field retries: value should be between 0 and 32767"),
                arguments("a zero connect timeout", "service-zero-timeout", "services.yaml:12 Service shop/web",
                        "field connect_timeout: value should be between 1 and 2147483646"),
                arguments("tls-verify on an http Service", "service-tls-verify-on-http",
                        "services.yaml:12 Service shop/web", "field tls_verify: value must be null"));
    }

    @ParameterizedTest(name = "{0}: validate exits 1 naming the object and file:line")
    @MethodSource("cases")
    void validateNamesTheObjectAndItsLine(String rule, String folder, String where, String kongSays) {
        Cli r = Cli.run("validate", "--repo", CASES.resolve(folder).toString(), "--endpoints", "manifests");
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
        assertThat(r.out()).as(rule).contains("ERROR " + where + ": Kong would reject").contains(kongSays);
    }

    @ParameterizedTest(name = "{0}: render leaves the object out and keeps the rest")
    @MethodSource("cases")
    void renderLeavesTheObjectOutAndKeepsTheRest(String rule, String folder, String where, String kongSays) {
        Cli r = Cli.run("render", "--repo", CASES.resolve(folder).toString(), "--endpoints", "manifests");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).as(rule).contains("name: shop.fine.other.fine.example.test.80")
                .doesNotContain("name: shop.web.web.shop.example.test.80").doesNotContain("web.shop.80.svc");
    }

    @Test
    void theLookAheadIsAcceptedWhenKongRunsTheTraditionalRouter() {
        Cli r = Cli.run("validate", "--repo", CASES.resolve("lookahead-under-atc").toString(), "--endpoints",
                "manifests", "--router-flavor", "traditional");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("0 error(s)");
    }

    @Test
    void theEntitiesOfTheValidIngressAreCountedAndTheInvalidOnesAreNot() {
        Cli r = Cli.run("validate", "--repo", CASES.resolve("tag-with-slash").toString(), "--endpoints", "manifests");
        // fine: service, route, upstream; web: nothing (its route is invalid, its service and upstream serve only it)
        assertThat(r.out()).contains(": 3 Kong entities, 1 error(s)")
                .contains("WARNING ingress.yaml:22 Service shop/web: left out of the Kong configuration: "
                        + "services shop.web.80, upstreams web.shop.80.svc");
    }
}
