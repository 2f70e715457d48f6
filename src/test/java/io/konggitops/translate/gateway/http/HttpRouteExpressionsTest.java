package io.konggitops.translate.gateway.http;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.translate.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.konggitops.translate.gateway.http.HttpRouteFixture.SERVICES;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.all;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.named;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.route;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPRoute → expression routes (kic-translation §4.5): one test per match kind, names and priorities. */
class HttpRouteExpressionsTest {
    private static final String WEB = "backendRefs: [{name: web, kind: Service, port: 80}]";

    @TempDir
    Path dir;

    private KongEntity only(String extraSpec, String matches) {
        Translation t = new HttpRouteFixture(dir).expressions(SERVICES,
                route("r", extraSpec, "- matches: " + matches + "\n  " + WEB));
        assertThat(t.problems()).isEmpty();
        assertThat(all(t, EntityType.ROUTE)).hasSize(1);
        return all(t, EntityType.ROUTE).get(0);
    }

    private String expression(String matches) {
        return only("", matches).string("expression");
    }

    @Test
    void anExactPathIsAnEquality() {
        assertThat(expression("[{path: {type: Exact, value: /one}}]")).isEqualTo("http.path == \"/one\"");
    }

    @Test
    void aPathPrefixIsThePathOrAnythingBelowIt() {
        assertThat(expression("[{path: {type: PathPrefix, value: /v2/}}]"))
                .isEqualTo("(http.path == \"/v2\") || (http.path ^= \"/v2/\")");
    }

    @Test
    void theRootPrefixMatchesEveryPath() {
        assertThat(expression("[{path: {type: PathPrefix, value: /}}]")).isEqualTo("http.path ^= \"/\"");
    }

    @Test
    void aRegularExpressionPathIsAnchoredAtTheStart() {
        assertThat(expression("[{path: {type: RegularExpression, value: '/u/[0-9]+'}}]"))
                .isEqualTo("http.path ~ \"^/u/[0-9]+\"");
    }

    @Test
    void headersAreSortedByNameAndRegexesUseTheRegexOperator() {
        assertThat(expression("[{path: {type: Exact, value: /}, headers: [{name: X-Zone, value: eu}, "
                + "{name: Accept, type: RegularExpression, value: 'json$'}]}]"))
                .isEqualTo("(http.path == \"/\") && ((http.headers.accept ~ \"json$\") && "
                        + "(http.headers.x_zone == \"eu\"))");
    }

    @Test
    void queryParamsKeepTheirCaseSensitiveNames() {
        assertThat(expression("[{path: {type: Exact, value: /}, queryParams: [{name: Animal, value: whale}]}]"))
                .isEqualTo("(http.path == \"/\") && (http.queries.Animal == \"whale\")");
    }

    @Test
    void aMethodIsAnEquality() {
        assertThat(expression("[{path: {type: Exact, value: /}, method: POST}]"))
                .isEqualTo("(http.path == \"/\") && (http.method == \"POST\")");
    }

    @Test
    void hostnamesSplitRoutesAndWildcardsMatchBySuffix() {
        Translation t = new HttpRouteFixture(dir).expressions(SERVICES, route("r",
                "hostnames: [a.example.com, '*.example.org']",
                "- matches: [{path: {type: Exact, value: /}}]\n  " + WEB));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r.a.example.com.0.0").string("expression"))
                .isEqualTo("(http.host == \"a.example.com\") && (http.path == \"/\")");
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r._.example.org.0.0").string("expression"))
                .isEqualTo("(http.host =^ \".example.org\") && (http.path == \"/\")");
    }

    @Test
    void aMatchWithNothingToMatchIsKicsCatchAll() {
        Translation t = new HttpRouteFixture(dir).expressions(SERVICES, route("r", "", "- " + WEB));
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r._.0.0").string("expression"))
                .isEqualTo(HttpExpressions.CATCH_ALL);
    }

    @Test
    void theSnisAnnotationAddsAnSniMatch() {
        String annotated = route("r", "", "- matches: [{path: {type: Exact, value: /}}]\n  " + WEB)
                .replace("metadata: {name: r, namespace: shop}",
                        "metadata: {name: r, namespace: shop, annotations: {konghq.com/snis: 'a.test,b.test'}}");
        Translation t = new HttpRouteFixture(dir).expressions(SERVICES, annotated);
        assertThat(named(t, EntityType.ROUTE, "httproute.shop.r._.0.0").string("expression"))
                .isEqualTo("((tls.sni == \"a.test\") || (tls.sni == \"b.test\")) && (http.path == \"/\")");
    }

    @Test
    void expressionRoutesHaveNoTraditionalMatchersAndKicsPriority() {
        KongEntity r = only("hostnames: [shop.example.com]", "[{path: {type: PathPrefix, value: /nginx}, "
                + "headers: [{name: a, value: b}], method: GET}]");
        assertThat(r.fields()).doesNotContainKeys("paths", "hosts", "headers", "methods", "regex_priority",
                "path_handling");
        long expected = (2L << 44) + (1L << 43) + (16L << 35) + (5L << 23) + (1L << 22) + (1L << 17) + 4095;
        assertThat(r.get("priority")).isEqualTo(expected);
        assertThat(r.get("strip_path")).isEqualTo(false);
    }
}
