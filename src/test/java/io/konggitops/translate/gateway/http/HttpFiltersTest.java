package io.konggitops.translate.gateway.http;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.translate.Translation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.translate.gateway.http.HttpRouteFixture.SERVICES;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.all;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.errors;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.pluginsOf;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.route;
import static io.konggitops.translate.gateway.http.HttpRouteFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPRoute filters → Kong route plugins (kic-translation §4.6), one test per filter, in both router flavors. */
class HttpFiltersTest {
    @TempDir
    Path dir;

    private Translation translate(RouterFlavor flavor, String version, String match, String filters,
                                  String... more) {
        String[] docs = new String[more.length + 2];
        docs[0] = SERVICES;
        docs[1] = route("r", "", "- matches: [" + match + "]\n  filters:\n" + filters.indent(2).stripTrailing()
                + "\n  backendRefs: [{name: web, kind: Service, port: 80}]");
        System.arraycopy(more, 0, docs, 2, more.length);
        return new HttpRouteFixture(dir).translate(flavor, version, docs);
    }

    private Translation translate(RouterFlavor flavor, String filters) {
        return translate(flavor, "3.9.1", "{path: {type: PathPrefix, value: /shop}}", filters);
    }

    private static KongEntity theRoute(Translation t) {
        assertThat(all(t, EntityType.ROUTE)).as("routes; problems %s", t.problems()).hasSize(1);
        return all(t, EntityType.ROUTE).get(0);
    }

    private static Map<Object, Object> configs(Translation t) {
        Map<Object, Object> out = new java.util.TreeMap<>();
        for (KongEntity p : pluginsOf(t, theRoute(t))) out.put(p.get("name"), p.get("config"));
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void requestHeaderModifierSetsAddsAndRemovesRequestHeaders(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set: [{name: X-Env, value: prod}]
                    add: [{name: X-Trace, value: "1"}]
                    remove: [X-Debug]
                """);
        assertThat(configs(t)).isEqualTo(Map.of("request-transformer", Map.of(
                "replace", Map.of("headers", List.of("X-Env:prod")),
                "add", Map.of("headers", List.of("X-Env:prod")),
                "append", Map.of("headers", List.of("X-Trace:1")),
                "remove", Map.of("headers", List.of("X-Debug")))));
        KongEntity plugin = pluginsOf(t, theRoute(t)).get(0);
        assertThat(tags(plugin)).contains("k8s-kind:HTTPRoute", "k8s-name:r");
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void responseHeaderModifierIsAResponseTransformer(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: ResponseHeaderModifier
                  responseHeaderModifier: {add: [{name: X-Served-By, value: kong}]}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("response-transformer",
                Map.of("append", Map.of("headers", List.of("X-Served-By:kong")))));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void transformersOfTheSameTypeAreMerged(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: RequestHeaderModifier
                  requestHeaderModifier: {remove: [X-Debug]}
                - type: URLRewrite
                  urlRewrite: {hostname: internal.example.com}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("request-transformer", Map.of(
                "replace", Map.of("headers", List.of("host:internal.example.com")),
                "add", Map.of("headers", List.of("host:internal.example.com")),
                "remove", Map.of("headers", List.of("X-Debug")))));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void requestRedirectIsTheRedirectPluginFromKong39(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: RequestRedirect
                  requestRedirect: {scheme: https, hostname: example.org, port: 8443, statusCode: 301}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("redirect", Map.of("status_code", 301L,
                "location", "https://example.org:8443", "keep_incoming_path", true)));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void aFullPathRedirectDoesNotKeepTheIncomingPath(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: RequestRedirect
                  requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new/}, statusCode: 302}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("redirect", Map.of("status_code", 302L, "location", "/new/",
                "keep_incoming_path", false)));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void beforeKong39ARedirectIsATerminationWithALocationHeader(RouterFlavor flavor) {
        Translation t = translate(flavor, "3.8.0", "{path: {type: Exact, value: /old}}", """
                - type: RequestRedirect
                  requestRedirect: {hostname: example.org, statusCode: 302}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("request-termination", Map.of("status_code", 302L),
                "response-transformer", Map.of("add", Map.of("headers", List.of("Location:http://example.org/old")))));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void urlRewriteOfTheFullPathReplacesTheUri(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: URLRewrite
                  urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /internal}}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("request-transformer",
                Map.of("replace", Map.of("uri", "/internal"))));
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void urlRewriteOfThePrefixCapturesTheRestOfThePath(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: URLRewrite
                  urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /store}}
                """);
        assertThat(configs(t)).isEqualTo(Map.of("request-transformer",
                Map.of("replace", Map.of("uri", "/store$(uri_captures[1])"))));
        KongEntity route = theRoute(t);
        if (flavor == RouterFlavor.EXPRESSIONS) {
            assertThat(route.string("expression"))
                    .isEqualTo("(http.path == \"/shop\") || (http.path ~ \"^/shop(/.*)\")");
        } else {
            assertThat(route.get("paths")).isEqualTo(List.of("~/shop$", "~/shop(/.*)"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void extensionRefAttachesTheKongPluginToTheRoute(RouterFlavor flavor) {
        String plugin = """
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: limit, namespace: shop}
                plugin: rate-limiting
                config: {minute: 10}
                """;
        Translation t = translate(flavor, "3.9.1", "{path: {type: PathPrefix, value: /shop}}", """
                - type: ExtensionRef
                  extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: limit}
                """, plugin);
        KongEntity route = theRoute(t);
        assertThat(all(t, EntityType.PLUGIN)).singleElement().satisfies(p -> {
            assertThat(p.get("name")).isEqualTo("rate-limiting");
            assertThat(p.get("route")).isEqualTo(Map.of("id", route.id()));
            assertThat(tags(p)).contains("k8s-kind:KongPlugin");
        });
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void anExtensionRefToAMissingKongPluginIsAnError(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: ExtensionRef
                  extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: nope}
                """);
        assertThat(errors(t)).singleElement().asString().contains("nope").contains("does not exist");
    }

    @ParameterizedTest
    @EnumSource(value = RouterFlavor.class, names = {"TRADITIONAL_COMPATIBLE", "EXPRESSIONS"})
    void anUnsupportedFilterLeavesTheKongServiceOutWithoutASecondReport(RouterFlavor flavor) {
        Translation t = translate(flavor, """
                - type: RequestMirror
                  requestMirror: {backendRef: {name: api, port: 80}}
                """);
        assertThat(all(t, EntityType.SERVICE)).isEmpty();
        assertThat(t.problems()).isEmpty();
    }
}
