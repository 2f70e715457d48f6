package io.konggitops.translate.ingress;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingress → expression routes (kic-translation §1.12): the expression and the bit-packed priority KIC computes. */
class IngressExpressionsTest {
    private static final TranslateOptions EXPRESSIONS = TranslateOptions.defaults()
            .withTarget(new KongTarget("3.9.1", RouterFlavor.EXPRESSIONS, false));
    private static final long INGRESS = 3L << 44;

    @TempDir
    Path dir;

    private Translation translate(String yaml) {
        Manifests m = TestManifests.load(dir, yaml + "---\n" + TestManifests.service("web", ""));
        return Translator.translate(m, ManifestClusterView.serviceDns(m), EXPRESSIONS);
    }

    private Translation translate(String annotations, String host) {
        return translate(TestManifests.ingress("web", annotations, host, "web", "name: http"));
    }

    private static KongEntity route(Translation t) {
        return t.desired().of(EntityType.ROUTE).findFirst().orElseThrow(() -> new AssertionError(t.problems()));
    }

    private static String ingressWithPaths(String paths) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    konghq.com/regex-prefix: /re
                spec:
                  ingressClassName: kong
                  rules:
                  - host: shop.example.test
                    http:
                      paths:
                %s
                """.formatted(paths.indent(6).stripTrailing());
    }

    private static String path(String path, String type) {
        return """
                - path: %s
                  pathType: %s
                  backend:
                    service:
                      name: web
                      port:
                        name: http
                """.formatted(path, type);
    }

    @Test
    void aPrefixPathOnAHostMatchesTheHostAndThePathOrItsSubtree() {
        Translation t = translate("", "shop.example.test");
        KongEntity r = route(t);
        assertThat(r.get("expression")).isEqualTo("(http.host == \"shop.example.test\") && (http.path ^= \"/\")");
        // fields: path + host; plain host; Prefix "/" counts as regex (the traditional router gets one), length 1
        assertThat(r.get("priority")).isEqualTo(INGRESS + (2L << 41) + (1L << 32) + (1L << 16) + 1);
        assertThat(r.fields()).doesNotContainKeys("paths", "hosts", "regex_priority", "path_handling");
        assertThat(t.problems()).noneMatch(Problem::isError);
    }

    @Test
    void everyPathTypeHasItsMatcherAndTheLongestPathSetsThePriority() {
        Translation t = translate(ingressWithPaths(path("/shop//cart/", "Prefix") + path("/healthz", "Exact")
                + path("/re/items/\\d+", "ImplementationSpecific") + path("/static", "ImplementationSpecific")));
        KongEntity r = route(t);
        assertThat(r.get("expression")).isEqualTo("(http.host == \"shop.example.test\") && "
                + "(((http.path == \"/shop/cart\") || (http.path ^= \"/shop/cart/\")) || (http.path == \"/healthz\") "
                + "|| (http.path ~ \"^/items/\\\\d+\") || (http.path ^= \"/static\"))");
        // Prefix "/shop/cart" (slashes flattened): 2 + len("shop/cart") = 11 is the longest
        assertThat(r.get("priority")).isEqualTo(INGRESS + (2L << 41) + (1L << 32) + (1L << 16) + 11);
    }

    @Test
    void aPlainImplementationSpecificPathIsAPrefixMatchWithoutTheRegexBit() {
        Translation t = translate(ingressWithPaths(path("/static", "ImplementationSpecific")));
        assertThat(route(t).get("expression"))
                .isEqualTo("(http.host == \"shop.example.test\") && (http.path ^= \"/static\")");
        assertThat(route(t).get("priority")).isEqualTo(INGRESS + (2L << 41) + (1L << 32) + 7);
    }

    @Test
    void hostAliasesJoinTheHostsAndAWildcardHostIsASuffixMatchWithoutThePlainHostBit() {
        Translation t = translate("konghq.com/host-aliases: 'b.example.test, *.c.example.test'", "'*.example.test'");
        KongEntity r = route(t);
        assertThat(r.get("name")).isEqualTo("shop.web.web._.example.test.http");
        assertThat(r.get("expression")).isEqualTo("((http.host =^ \".example.test\") || (http.host == "
                + "\"b.example.test\") || (http.host =^ \".c.example.test\")) && (http.path ^= \"/\")");
        assertThat(r.get("priority")).isEqualTo(INGRESS + (2L << 41) + (1L << 16) + 1);
    }

    @Test
    void headersAreSortedByNameTheirValuesOredAndATildeStarValueIsARegex() {
        Translation t = translate("""
                konghq.com/headers.X-Zone: 'eu|~*us-.*'
                konghq.com/headers-separator: '|'
                konghq.com/headers.Accept: 'application/json'
                konghq.com/headers.Host: 'ignored.example.test'""", "shop.example.test");
        KongEntity r = route(t);
        assertThat(r.get("expression")).isEqualTo("(http.host == \"shop.example.test\") && (http.path ^= \"/\") && "
                + "((http.headers.accept == \"application/json\") && ((http.headers.x_zone == \"eu\") || "
                + "(http.headers.x_zone ~ \"us-.*\")))");
        // three headers count (Host included, as in KIC), headers are a third match field
        assertThat(r.get("priority")).isEqualTo(INGRESS + (3L << 41) + (3L << 33) + (1L << 32) + (1L << 16) + 1);
        assertThat(r.fields()).doesNotContainKey("headers");
    }

    @Test
    void methodsAndSnisAreMatchedAndAnInvalidEntryIsLeftOutWithAWarning() {
        Translation t = translate("""
                konghq.com/methods: 'get, POST,g3t'
                konghq.com/snis: 'shop.example.test'""", "shop.example.test");
        KongEntity r = route(t);
        assertThat(r.get("expression")).isEqualTo("(http.host == \"shop.example.test\") && (http.path ^= \"/\") && "
                + "((http.method == \"GET\") || (http.method == \"POST\")) && (tls.sni == \"shop.example.test\")");
        assertThat(r.get("priority")).isEqualTo(INGRESS + (4L << 41) + (1L << 32) + (1L << 16) + 1);
        assertThat(r.fields()).doesNotContainKeys("methods", "snis");
        assertThat(t.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("konghq.com/methods").contains("\"G3T\"");
        });
    }

    @Test
    void regexPriorityAndPathHandlingAreIgnoredWithAWarning() {
        Translation t = translate("""
                konghq.com/regex-priority: '10'
                konghq.com/path-handling: v1""", "shop.example.test");
        KongEntity r = route(t);
        assertThat(r.fields()).doesNotContainKeys("regex_priority", "path_handling");
        assertThat(t.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("is ignored under Kong's expressions router");
        });
    }

    @Test
    void routeFieldAnnotationsStillApplyToExpressionRoutes() {
        Translation t = translate("""
                konghq.com/preserve-host: 'false'
                konghq.com/protocols: 'grpcs'""", "shop.example.test");
        KongEntity r = route(t);
        assertThat(r.get("preserve_host")).isEqualTo(false);
        assertThat(r.get("protocols")).isEqualTo(List.of("grpcs"));
        // the traditional flavor drops strip_path for gRPC; KIC's expression routes keep it
        assertThat(r.get("strip_path")).isEqualTo(false);
    }

    @Test
    void grpcMixedWithHttpsIsNotNormalisedSoKongsRuleRejectsTheRoute() {
        Translation t = translate("konghq.com/protocols: 'grpc,https'", "shop.example.test");
        assertThat(t.desired().of(EntityType.ROUTE)).isEmpty();
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("field protocols").contains("mutually exclusive");
        });
    }

    @Test
    void theDefaultBackendMatchesEveryPathAtPriorityZero() {
        Translation t = translate("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: fallback
                  namespace: shop
                spec:
                  ingressClassName: kong
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """);
        KongEntity r = route(t);
        assertThat(r.get("name")).isEqualTo("shop.fallback");
        assertThat(r.get("expression")).isEqualTo("http.path ^= \"/\"");
        assertThat(r.get("priority")).isEqualTo(0L);
        assertThat(r.fields()).doesNotContainKeys("paths", "regex_priority");
    }
}
