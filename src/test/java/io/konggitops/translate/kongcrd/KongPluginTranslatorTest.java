package io.konggitops.translate.kongcrd;

import io.konggitops.cluster.ClusterView;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;
import io.konggitops.translate.ingress.IngressTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.gateway.GatewayRoutes;
import io.konggitops.translate.gateway.ReferenceGrants;
import io.konggitops.translate.naming.KongIds;
import io.konggitops.translate.tls.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.konggitops.translate.TestManifests.ingress;
import static io.konggitops.translate.TestManifests.service;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per KIC plugin rule (kic-translation §3.1), through the whole translate stage. */
class KongPluginTranslatorTest {
    private static final String ROUTE = "shop.web.web.w.example.test.80";
    private static final String SERVICE = "shop.web.80";

    @TempDir
    Path dir;

    private Translation translate(String... docs) {
        Manifests m = TestManifests.load(dir, String.join("---\n", docs));
        return Translator.translate(m, ManifestClusterView.endpoints(m), TranslateOptions.defaults());
    }

    /**
     * Ingress translation and the plugin translator only: on their own the plugins on KongConsumers name consumers
     * that the consumer translator makes (the whole stage leaves out plugins whose parent is missing).
     */
    private List<KongEntity> pluginsOnly(String... docs) {
        Manifests m = TestManifests.load(dir, String.join("---\n", docs));
        ClusterView view = ManifestClusterView.endpoints(m);
        Diagnostics diag = new Diagnostics(view);
        TranslationContext ctx = new TranslationContext(m, view, diag, TranslateOptions.defaults(),
                new Certificates(diag), GatewayRoutes.NONE, new ReferenceGrants(m));
        return new KongPluginTranslator(view, diag, TranslateOptions.defaults())
                .translate(m, new IngressTranslator().translate(ctx));
    }

    private static List<KongEntity> plugins(Translation t) {
        return t.desired().of(EntityType.PLUGIN).toList();
    }

    private static KongEntity onlyPlugin(Translation t) {
        assertThat(plugins(t)).as("plugins (problems %s)", t.problems()).hasSize(1);
        return plugins(t).get(0);
    }

    private static List<Problem> problems(Translation t, String part) {
        return t.problems().stream().filter(p -> p.message().contains(part)).toList();
    }

    private static String webIngress(String plugins) {
        return ingress("web", "konghq.com/plugins: \"" + plugins + "\"", "w.example.test", "web", "number: 80");
    }

    static String kongPlugin(String ns, String name, String plugin, String extra) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata:
                  name: %s
                  namespace: %s
                plugin: %s
                %s
                """.formatted(name, ns, plugin, extra);
    }

    static String clusterPlugin(String name, String plugin, String metadataExtra, String extra) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongClusterPlugin
                metadata:
                  name: %s
                %s
                plugin: %s
                %s
                """.formatted(name, metadataExtra.indent(2).stripTrailing(), plugin, extra);
    }

    static String consumer(String name, String identity, String plugins) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata:
                  name: %s
                  namespace: shop
                  annotations:
                    kubernetes.io/ingress.class: kong
                    konghq.com/plugins: %s
                %s
                """.formatted(name, plugins, identity);
    }

    static String secret(String name, String key, String value) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: shop
                stringData:
                  %s: '%s'
                """.formatted(name, key, value);
    }

    @Test
    void aPluginOnAnIngressBecomesOnePluginOnItsKongRouteWithGoKongsId() {
        Translation t = translate(webIngress("ids"), service("web", ""),
                kongPlugin("shop", "ids", "correlation-id", "config: {header_name: x-id}"));
        KongEntity p = onlyPlugin(t);
        assertThat(p.get("name")).isEqualTo("correlation-id");
        assertThat(p.get("route")).isEqualTo(Map.of("id", KongIds.route("", ROUTE)));
        assertThat(p.get("service")).isNull();
        assertThat(p.id()).isEqualTo(KongIds.plugin("", "correlation-id", null, ROUTE, null, null));
        assertThat(p.get("config")).isEqualTo(Map.of("header_name", "x-id"));
        assertThat(p.get("tags")).isEqualTo(List.of("k8s-name:ids", "k8s-namespace:shop", "k8s-kind:KongPlugin",
                "k8s-group:configuration.konghq.com", "k8s-version:v1", "managed-by:kong-gitops"));
    }

    @Test
    void thePluginIdIsGoKongsFillIdOfNameAndParents() {
        assertThat(KongIds.plugin("", "correlation-id", null, "default.httpbin.httpbin..80", null, null))
                .isEqualTo("61a22b86-f859-5c8a-a23c-97b92b14b635");
    }

    @Test
    void aPluginOnAServiceBecomesOnePluginPerKongServiceMadeFromIt() {
        String twoPorts = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: two, namespace: shop}
                spec:
                  ingressClassName: kong
                  rules:
                  - http:
                      paths:
                      - {path: /a, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {number: 81}}}}
                """;
        String svc = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop, annotations: {konghq.com/plugins: limit}}
                spec:
                  ports: [{name: a, port: 80}, {name: b, port: 81}]
                """;
        Translation t = translate(twoPorts, svc, kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"));
        assertThat(plugins(t)).extracting(p -> p.get("service"))
                .containsExactlyInAnyOrder(Map.of("id", KongIds.service("", "shop.web.80")),
                        Map.of("id", KongIds.service("", "shop.web.81")));
        assertThat(plugins(t)).allSatisfy(p -> assertThat(p.get("route")).isNull());
    }

    @Test
    void theKongPluginOfTheReferrersNamespaceIsTakenBeforeAKongClusterPluginOfTheSameName() {
        Translation t = translate(webIngress("limit"), service("web", ""),
                clusterPlugin("limit", "rate-limiting", "", "config: {minute: 99}"),
                kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("minute", 5L));
    }

    @Test
    void aKongClusterPluginIsUsedWhenNoKongPluginHasTheName() {
        Translation t = translate(webIngress("limit"), service("web", ""),
                clusterPlugin("limit", "rate-limiting", "", "config: {minute: 99}"));
        KongEntity p = onlyPlugin(t);
        assertThat(p.get("config")).isEqualTo(Map.of("minute", 99L));
        assertThat(String.valueOf(p.get("tags"))).contains("k8s-kind:KongClusterPlugin");
    }

    @Test
    void aReferenceToAnotherNamespaceWithoutReferenceGrantIsAnErrorOnTheReferrer() {
        Translation t = translate(webIngress("shared:auth"), service("web", ""),
                kongPlugin("shared", "auth", "key-auth", ""));
        assertThat(plugins(t)).isEmpty();
        Problem p = problems(t, "no grant found").get(0);
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.object()).isEqualTo(ObjectRef.of("Ingress", "shop", "web"));
        assertThat(p.hint()).contains("ReferenceGrant in namespace shared");
    }

    @Test
    void aReferenceToAnotherNamespaceIsResolvedThereWhenAReferenceGrantAllowsIt() {
        String grant = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: g, namespace: shared}
                spec:
                  from: [{group: networking.k8s.io, kind: Ingress, namespace: shop}]
                  to: [{group: configuration.konghq.com, kind: KongPlugin, name: auth}]
                """;
        Translation t = translate(webIngress("shared:auth"), service("web", ""),
                kongPlugin("shared", "auth", "key-auth", ""), grant);
        assertThat(onlyPlugin(t).get("name")).isEqualTo("key-auth");
        assertThat(problems(t, "grant")).isEmpty();
    }

    @Test
    void aGrantForAnotherKindOfReferrerDoesNotAllowTheReference() {
        String grant = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: g, namespace: shared}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
                  to: [{group: configuration.konghq.com, kind: KongPlugin}]
                """;
        Translation t = translate(webIngress("shared:auth"), service("web", ""),
                kongPlugin("shared", "auth", "key-auth", ""), grant);
        assertThat(plugins(t)).isEmpty();
        assertThat(problems(t, "no grant found")).hasSize(1);
    }

    @Test
    void aPluginReferencedByConsumersAndRoutesOrServicesBecomesOnePluginPerConsumerAndRouteOrServicePair() {
        List<KongEntity> ps = pluginsOnly(webIngress("limit"), service("web", "konghq.com/plugins: limit"),
                consumer("alice", "username: alice", "limit"), consumer("bob", "username: bob", "limit"),
                kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"));
        assertThat(ps).hasSize(4);
        assertThat(ps).extracting(KongEntity::id).containsExactlyInAnyOrder(
                KongIds.plugin("", "rate-limiting", null, ROUTE, "alice", null),
                KongIds.plugin("", "rate-limiting", null, ROUTE, "bob", null),
                KongIds.plugin("", "rate-limiting", SERVICE, null, "alice", null),
                KongIds.plugin("", "rate-limiting", SERVICE, null, "bob", null));
        assertThat(ps).extracting(p -> p.get("consumer")).containsOnly(
                Map.of("id", KongIds.consumer("", "alice")), Map.of("id", KongIds.consumer("", "bob")));
        assertThat(ps).filteredOn(p -> p.get("route") != null).hasSize(2)
                .allSatisfy(p -> assertThat(p.get("service")).isNull());
    }

    @Test
    void aPluginReferencedOnlyByConsumersBecomesOnePerConsumerNamedByUsernameElseCustomId() {
        List<KongEntity> ps = pluginsOnly(consumer("alice", "username: alice", "limit"),
                consumer("svc", "custom_id: batch-job", "limit"),
                kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"));
        assertThat(ps).extracting(KongEntity::id).containsExactlyInAnyOrder(
                KongIds.plugin("", "rate-limiting", null, null, "alice", null),
                KongIds.plugin("", "rate-limiting", null, null, "batch-job", null));
        assertThat(ps).extracting(p -> p.get("consumer")).contains(Map.of("name", "batch-job"));
    }

    @Test
    void aKongConsumerOfAnotherClassAttachesNothing() {
        String other = consumer("alice", "username: alice", "limit").replace("ingress.class: kong",
                "ingress.class: other");
        assertThat(pluginsOnly(other, kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"))).isEmpty();
        assertThat(pluginsOnly(other.replace("ingress.class: other", "ingress.class: kong"),
                kongPlugin("shop", "limit", "rate-limiting", "config: {minute: 5}"))).hasSize(1);
    }

    @Test
    void aMissingPluginIsAnErrorOnEveryObjectThatReferencesIt() {
        Translation t = translate(webIngress("ghost"), service("web", "konghq.com/plugins: ghost"),
                consumer("alice", "username: alice", "ghost"));
        assertThat(plugins(t)).isEmpty();
        assertThat(problems(t, "\"ghost\" does not exist")).extracting(Problem::object).containsExactlyInAnyOrder(
                ObjectRef.of("Ingress", "shop", "web"), ObjectRef.of("Service", "shop", "web"),
                ObjectRef.of("KongConsumer", "shop", "alice"));
        assertThat(problems(t, "does not exist")).extracting(Problem::severity).containsOnly(Severity.ERROR);
    }

    @Test
    void configFromReadsTheSecretValueAsJson() {
        Translation t = translate(webIngress("cors"), service("web", ""), secret("conf", "cors",
                "{\"origins\": [\"https://a.test\"]}"), kongPlugin("shop", "cors", "cors",
                "configFrom: {secretKeyRef: {name: conf, key: cors}}"));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("origins", List.of("https://a.test")));
    }

    @Test
    void configFromReadsTheSecretValueAsYamlWhenItIsNotJson() {
        Translation t = translate(webIngress("cors"), service("web", ""), secret("conf", "cors",
                "max_age: 60"), kongPlugin("shop", "cors", "cors",
                "configFrom: {secretKeyRef: {name: conf, key: cors}}"));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("max_age", 60L));
    }

    @Test
    void aKongClusterPluginReadsConfigFromTheNamespaceItNames() {
        Translation t = translate(webIngress("cors"), service("web", ""), secret("conf", "cors", "max_age: 60"),
                clusterPlugin("cors", "cors", "", "configFrom: {secretKeyRef: {namespace: shop, name: conf, key: cors}}"));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("max_age", 60L));
    }

    @Test
    void configAndConfigFromTogetherAreAnErrorOnThePluginWhichIsLeftOut() {
        Translation t = translate(webIngress("cors"), service("web", ""), secret("conf", "cors", "max_age: 60"),
                kongPlugin("shop", "cors", "cors",
                        "config: {max_age: 1}\nconfigFrom: {secretKeyRef: {name: conf, key: cors}}"));
        assertThat(plugins(t)).isEmpty();
        Problem p = problems(t, "has both config and configFrom").get(0);
        assertThat(p.object()).isEqualTo(ObjectRef.of("KongPlugin", "shop", "cors"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(problems(t, "is left out")).extracting(Problem::object)
                .containsExactly(ObjectRef.of("Ingress", "shop", "web"));
    }

    @Test
    void aMissingSecretKeyIsAnErrorOnThePluginAndAWarningOnItsReferrersWithoutTheSecretValue() {
        Translation t = translate(webIngress("cors"), service("web", ""), secret("conf", "other", "s3cr3t-value"),
                kongPlugin("shop", "cors", "cors", "configFrom: {secretKeyRef: {name: conf, key: cors}}"));
        assertThat(plugins(t)).isEmpty();
        Problem onPlugin = problems(t, "no key 'cors' in Secret shop/conf").get(0);
        assertThat(onPlugin.object()).isEqualTo(ObjectRef.of("KongPlugin", "shop", "cors"));
        Problem onIngress = problems(t, "is left out").get(0);
        assertThat(onIngress.severity()).isEqualTo(Severity.WARNING);
        assertThat(t.problems()).allSatisfy(p -> assertThat(p.message() + p.hint()).doesNotContain("s3cr3t"));
    }

    @Test
    void configPatchesAddTheSecretValueAtTheirPointerCreatingMissingObjectsAndArrays() {
        Translation t = translate(webIngress("rt"), service("web", ""),
                secret("conf", "token", "\"Bearer t0ken\""),
                kongPlugin("shop", "rt", "request-transformer", """
                        config: {add: {querystring: ["a:1"]}}
                        configPatches:
                        - path: /add/headers/-
                          valueFrom: {secretKeyRef: {name: conf, key: token}}
                        - path: /replace/body
                          valueFrom: {secretKeyRef: {name: conf, key: token}}
                        """));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("add", Map.of("querystring", List.of("a:1"),
                "headers", List.of("Bearer t0ken")), "replace", Map.of("body", "Bearer t0ken")));
    }

    @Test
    void aConfigPatchAtTheEmptyPathReplacesTheWholeConfig() {
        Translation t = translate(webIngress("rt"), service("web", ""), secret("conf", "all", "{\"minute\": 3}"),
                kongPlugin("shop", "rt", "rate-limiting", """
                        config: {hour: 1}
                        configPatches:
                        - path: ""
                          valueFrom: {secretKeyRef: {name: conf, key: all}}
                        """));
        assertThat(onlyPlugin(t).get("config")).isEqualTo(Map.of("minute", 3L));
    }

    @Test
    void aConfigPatchValueThatIsNotJsonIsAnErrorAsInKic() {
        Translation t = translate(webIngress("rt"), service("web", ""), secret("conf", "token", "plain text"),
                kongPlugin("shop", "rt", "request-transformer", """
                        configPatches:
                        - path: /add/body
                          valueFrom: {secretKeyRef: {name: conf, key: token}}
                        """));
        assertThat(plugins(t)).isEmpty();
        assertThat(problems(t, "is not valid JSON")).hasSize(1);
        assertThat(t.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("plain text"));
    }

    @Test
    void disabledProtocolsAndOrderingAreCopiedAndRunOnIsDroppedWithAWarning() {
        Translation t = translate(webIngress("ids"), service("web", ""), kongPlugin("shop", "ids", "correlation-id",
                "disabled: true\nprotocols: [https]\nrun_on: first\nordering: {before: {access: [rate-limiting]}}"));
        KongEntity p = onlyPlugin(t);
        assertThat(p.get("enabled")).isEqualTo(false);
        assertThat(p.get("protocols")).isEqualTo(List.of("https"));
        assertThat(p.get("ordering")).isEqualTo(Map.of("before", Map.of("access", List.of("rate-limiting"))));
        assertThat(p.get("run_on")).isNull();
        assertThat(problems(t, "run_on is ignored")).extracting(Problem::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void anEnabledPluginLeavesEnabledAndProtocolsToKongsDefaults() {
        Translation t = translate(webIngress("ids"), service("web", ""), kongPlugin("shop", "ids", "correlation-id",
                ""));
        assertThat(onlyPlugin(t).fields()).doesNotContainKeys("enabled", "protocols", "run_on", "instance_name");
    }

    @Test
    void instanceNameGetsTheFirstNineHexCharactersOfTheSha256OfTheRelation() {
        Translation t = translate(webIngress("ids"), service("web", ""), kongPlugin("shop", "ids", "correlation-id",
                "instance_name: example"));
        String hash = KongIds.sha256Hex("_route-" + ROUTE);
        assertThat(onlyPlugin(t).get("instance_name")).isEqualTo("example-" + hash.substring(0, 9));
        assertThat(KongIds.sha256Hex("_route-default.httpbin.httpbin..80")).startsWith("21a1f5b5f");
    }

    @Test
    void aGlobalKongClusterPluginOfThisClassHasNoParents() {
        Translation t = translate(clusterPlugin("ids", "correlation-id",
                "labels: {global: \"true\"}\nannotations: {kubernetes.io/ingress.class: kong}", "instance_name: all"));
        KongEntity p = onlyPlugin(t);
        assertThat(p.fields()).doesNotContainKeys("route", "service", "consumer");
        assertThat(p.id()).isEqualTo(KongIds.plugin("", "correlation-id", null, null, null, null));
        assertThat(p.get("instance_name")).isEqualTo("all");
    }

    @Test
    void aGlobalKongClusterPluginWithoutTheClassAnnotationIsIgnoredUnlessTheClassIsTheDefault() {
        String global = clusterPlugin("ids", "correlation-id", "labels: {global: \"true\"}", "");
        assertThat(plugins(translate(global))).isEmpty();
        String defaultClass = """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: kong
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: ingress-controllers.konghq.com/kong}
                """;
        assertThat(plugins(translate(global, defaultClass))).hasSize(1);
    }

    @Test
    void twoGlobalKongClusterPluginsForOnePluginNameAreAllLeftOutWithAnError() {
        String meta = "labels: {global: \"true\"}\nannotations: {kubernetes.io/ingress.class: kong}";
        Translation t = translate(clusterPlugin("a", "correlation-id", meta, ""),
                clusterPlugin("b", "correlation-id", meta, ""), clusterPlugin("c", "cors", meta, ""));
        assertThat(plugins(t)).extracting(KongEntity::name).containsExactly("cors");
        assertThat(problems(t, "multiple global KongClusterPlugins")).extracting(Problem::object)
                .containsExactlyInAnyOrder(ObjectRef.of("KongClusterPlugin", "", "a"),
                        ObjectRef.of("KongClusterPlugin", "", "b"));
    }

    @Test
    void aPluginKongWouldRejectIsLeftOutByTheKongRulesCheck() {
        Translation t = translate(webIngress("ids"), service("web", ""), kongPlugin("shop", "ids", "correlation-id",
                "protocols: [ftp]"));
        assertThat(plugins(t)).isEmpty();
        Problem p = problems(t, "Kong would reject plugin").get(0);
        assertThat(p.object()).isEqualTo(ObjectRef.of("KongPlugin", "shop", "ids"));
        assertThat(t.desired().of(EntityType.ROUTE)).hasSize(1);
    }
}
