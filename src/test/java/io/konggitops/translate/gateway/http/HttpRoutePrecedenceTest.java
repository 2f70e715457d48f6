package io.konggitops.translate.gateway.http;

import io.konggitops.kong.EntityType;
import io.konggitops.translate.Translation;
import io.konggitops.translate.gateway.http.ExpressionsRouterModel.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.konggitops.translate.gateway.http.HttpRouteFixture.SERVICES;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway API precedence (gateway-api.md §2.6) on the expressions router: the priorities of the translated routes
 * order matches as the spec does, and a model of Kong's router (highest priority among the matching routes) sends each
 * request where the spec says: exact > longest prefix > method > more headers > more query params > oldest route >
 * namespace/name > rule order; precise and longer hostnames first.
 */
class HttpRoutePrecedenceTest {
    @TempDir
    Path dir;

    private static String route(String ns, String name, String created, String spec) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: %s, namespace: %s%s}
                spec:
                %s
                """.formatted(name, ns, created == null ? "" : ", creationTimestamp: '" + created + "'",
                spec.indent(2).stripTrailing());
    }

    private static String rules(String... matches) {
        StringBuilder b = new StringBuilder("rules:\n");
        for (String m : matches) {
            b.append("- matches: [").append(m).append("]\n  backendRefs: [{name: web, kind: Service, port: 80}]\n");
        }
        return b.toString();
    }

    private Translation translate(String... routes) {
        String[] docs = new String[routes.length + 1];
        docs[0] = SERVICES;
        System.arraycopy(routes, 0, docs, 1, routes.length);
        Translation t = new HttpRouteFixture(dir).expressions(docs);
        assertThat(t.problems()).as("problems").isEmpty();
        return t;
    }

    private static long priority(Translation t, String route) {
        return ExpressionsRouterModel.priority(named(t, EntityType.ROUTE, route));
    }

    @Test
    void anExactPathBeatsAnyPrefix() {
        Translation t = translate(route("shop", "r", null, rules("{path: {type: PathPrefix, value: /match/exact/one}}",
                "{path: {type: Exact, value: /match/exact}}")));
        assertThat(priority(t, "httproute.shop.r._.1.0")).isGreaterThan(priority(t, "httproute.shop.r._.0.0"));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/match/exact"))).contains("httproute.shop.r._.1.0");
        assertThat(kong.route(Request.get("x", "/match/exact/one"))).contains("httproute.shop.r._.0.0");
    }

    @Test
    void theLongestPrefixWins() {
        Translation t = translate(route("shop", "r", null, rules("{path: {type: PathPrefix, value: /match}}",
                "{path: {type: PathPrefix, value: /match/prefix/one}}", "{path: {type: PathPrefix, value: /match/prefix}}")));
        assertThat(priority(t, "httproute.shop.r._.1.0")).isGreaterThan(priority(t, "httproute.shop.r._.2.0"));
        assertThat(priority(t, "httproute.shop.r._.2.0")).isGreaterThan(priority(t, "httproute.shop.r._.0.0"));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/match/prefix/one/any"))).contains("httproute.shop.r._.1.0");
        assertThat(kong.route(Request.get("x", "/match/prefix/other"))).contains("httproute.shop.r._.2.0");
        assertThat(kong.route(Request.get("x", "/match/prefixed"))).contains("httproute.shop.r._.0.0");
    }

    @Test
    void aPrefixMatchesWholePathElementsOnly() {
        Translation t = translate(route("shop", "r", null, rules("{path: {type: PathPrefix, value: /v2}}")));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/v2"))).isPresent();
        assertThat(kong.route(Request.get("x", "/v2/example"))).isPresent();
        assertThat(kong.route(Request.get("x", "/v2example"))).isEmpty();
    }

    @Test
    void aMethodMatchBeatsHeaderMatches() {
        Translation t = translate(route("shop", "r", null, rules(
                "{path: {type: PathPrefix, value: /}, headers: [{name: version, value: four}]}",
                "{path: {type: PathPrefix, value: /}, method: PATCH}")));
        assertThat(priority(t, "httproute.shop.r._.1.0")).isGreaterThan(priority(t, "httproute.shop.r._.0.0"));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/").withMethod("PATCH").withHeaders(Map.of("Version", "four"))))
                .contains("httproute.shop.r._.1.0");
    }

    @Test
    void moreHeaderMatchesWinOverRuleOrder() {
        Translation t = translate(route("shop", "r", null, rules("{path: {type: PathPrefix, value: /}}",
                "{path: {type: PathPrefix, value: /}, headers: [{name: version, value: two}]}",
                "{path: {type: PathPrefix, value: /}, headers: [{name: version, value: two}, {name: color, value: blue}]}")));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/").withHeaders(Map.of("Version", "two"))))
                .contains("httproute.shop.r._.1.0");
        assertThat(kong.route(Request.get("x", "/").withHeaders(Map.of("Version", "two", "Color", "blue"))))
                .contains("httproute.shop.r._.2.0");
        assertThat(kong.route(Request.get("x", "/"))).contains("httproute.shop.r._.0.0");
    }

    @Test
    void moreQueryParamMatchesWin() {
        Translation t = translate(route("shop", "r", null, rules(
                "{path: {type: PathPrefix, value: /}, queryParams: [{name: animal, value: whale}]}",
                "{path: {type: PathPrefix, value: /}, queryParams: [{name: animal, value: whale}, "
                        + "{name: color, value: blue}]}")));
        assertThat(priority(t, "httproute.shop.r._.1.0")).isGreaterThan(priority(t, "httproute.shop.r._.0.0"));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/").withQuery(Map.of("animal", "whale", "color", "blue"))))
                .contains("httproute.shop.r._.1.0");
        assertThat(kong.route(Request.get("x", "/").withQuery(Map.of("animal", "whale"))))
                .contains("httproute.shop.r._.0.0");
        assertThat(kong.route(Request.get("x", "/").withQuery(Map.of("ANIMAL", "whale")))).isEmpty();
    }

    @Test
    void aLongerPrefixBeatsMoreQueryParams() {
        Translation t = translate(route("shop", "r", null, rules(
                "{path: {type: PathPrefix, value: /}, queryParams: [{name: animal, value: hydra}]}",
                "{path: {type: PathPrefix, value: /path5}}")));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/path5").withQuery(Map.of("animal", "hydra"))))
                .contains("httproute.shop.r._.1.0");
    }

    @Test
    void theOldestRouteWinsATieAcrossRoutes() {
        String match = rules("{path: {type: PathPrefix, value: /same}}");
        Translation t = translate(route("shop", "a-newer", "2024-06-01T00:00:00Z", match),
                route("shop", "z-older", "2024-01-01T00:00:00Z", match));
        assertThat(priority(t, "httproute.shop.z-older._.0.0")).isEqualTo(priority(t, "httproute.shop.a-newer._.0.0")
                + 1);
        assertThat(new ExpressionsRouterModel(t).route(Request.get("x", "/same")))
                .contains("httproute.shop.z-older._.0.0");
    }

    @Test
    void thenNamespaceAndNameDecideAlphabetically() {
        String match = rules("{path: {type: PathPrefix, value: /same}}");
        String appsWeb = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: apps}
                spec:
                  ports: [{name: http, port: 80}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: web-1
                  namespace: apps
                  labels: {kubernetes.io/service-name: web}
                addressType: IPv4
                ports: [{name: http, port: 8080, protocol: TCP}]
                endpoints:
                - addresses: ["10.9.0.1"]
                """;
        Translation t = translate(route("shop", "b", null, match), route("shop", "a", null, match),
                route("apps", "z", null, match), appsWeb);
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/same"))).contains("httproute.apps.z._.0.0");
        assertThat(priority(t, "httproute.shop.a._.0.0")).isGreaterThan(priority(t, "httproute.shop.b._.0.0"));
    }

    @Test
    void thenTheFirstRuleAndTheFirstMatchWin() {
        Translation t = translate(route("shop", "r", null, """
                rules:
                - matches: [{path: {type: PathPrefix, value: /x}}, {path: {type: PathPrefix, value: /y}}]
                  backendRefs: [{name: web, kind: Service, port: 80}]
                - matches: [{path: {type: PathPrefix, value: /y}}, {path: {type: PathPrefix, value: /x}}]
                  backendRefs: [{name: api, kind: Service, port: 80}]
                """));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("x", "/x"))).contains("httproute.shop.r._.0.0");
        assertThat(kong.route(Request.get("x", "/y"))).contains("httproute.shop.r._.0.1");
        assertThat(priority(t, "httproute.shop.r._.0.0")).isGreaterThan(priority(t, "httproute.shop.r._.1.1"));
    }

    @Test
    void aPreciseHostnameBeatsAWildcardAndThenPathRulesApply() {
        Translation t = translate(
                route("shop", "wild", null, "hostnames: ['*.example.com']\n"
                        + rules("{path: {type: Exact, value: /a}}")),
                route("shop", "exact", null, "hostnames: [foo.example.com]\n"
                        + rules("{path: {type: PathPrefix, value: /}}")));
        ExpressionsRouterModel kong = new ExpressionsRouterModel(t);
        assertThat(kong.route(Request.get("foo.example.com", "/a"))).contains("httproute.shop.exact.foo.example.com.0.0");
        assertThat(kong.route(Request.get("bar.example.com", "/a"))).contains("httproute.shop.wild._.example.com.0.0");
        assertThat(kong.route(Request.get("example.com", "/a"))).isEmpty();
    }

    @Test
    void aHeaderRuleBeatsAPlainPrefixOfTheSameLength() {
        Translation t = translate(route("shop", "r", null, rules("{path: {type: PathPrefix, value: /}}",
                "{headers: [{name: version, value: two}], path: {type: PathPrefix, value: /}}")));
        assertThat(new ExpressionsRouterModel(t).route(Request.get("x", "/").withHeaders(Map.of("Version", "two"))))
                .contains("httproute.shop.r._.1.0");
    }
}
