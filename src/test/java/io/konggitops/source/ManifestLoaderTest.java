package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestLoaderTest {
    @TempDir
    Path dir;

    static String service(String name) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: shop\nspec:\n  ports:\n"
                + "  - port: 80\n";
    }

    private void write(String rel, String content) throws IOException {
        Path file = dir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Manifests load() {
        return ManifestLoader.loadDirectory(dir, "abc");
    }

    @Test
    void aDeckFileNextToTheManifestsIsSkippedWithAnInfoNotAWarning() throws IOException {
        write("kong.yaml", "_format_version: \"3.0\"\nservices:\n- name: a\n  host: a.internal\n");
        write("svc.yaml", service("web"));
        Manifests m = load();
        assertThat(m.objects()).hasSize(1);
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.INFO);
            assertThat(p.origin().toString()).isEqualTo("kong.yaml:1");
            assertThat(p.message()).contains("decK file");
        });
    }

    @Test
    void multiDocumentFilesKeepDocumentOrderLinesAndTypes() throws IOException {
        write("app.yaml", """
                # a comment
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                ---
                ---
                # only a comment
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: rate, namespace: shop}
                plugin: rate-limiting
                config: {minute: 5}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r, namespace: shop}
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.commit()).isEqualTo("abc");
        assertThat(m.objects()).extracting(o -> (Object) o.object().getClass())
                .containsExactly(Ingress.class, GenericKubernetesResource.class, HTTPRoute.class);
        assertThat(m.objects()).extracting(ManifestObject::origin)
                .containsExactly(Origin.of("app.yaml", 2), Origin.of("app.yaml", 9), Origin.of("app.yaml", 15));
        GenericKubernetesResource plugin = (GenericKubernetesResource) m.objects().get(1).object();
        assertThat(plugin.getAdditionalProperties()).containsEntry("plugin", "rate-limiting");
    }

    @Test
    void filesAreSortedByRelativePathRecursivelyAndHiddenDirectoriesSkipped() throws IOException {
        write("b.yml", service("b"));
        write("a/z.json", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"az\"}}");
        write("a-c.YAML", service("ac"));
        write(".git/x.yaml", service("git"));
        write(".github/workflows/ci.yaml", service("ci"));
        write("README.md", "not yaml");
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(o -> o.origin().file()).containsExactly("a-c.YAML", "a/z.json", "b.yml");
        assertThat(m.ofType(Service.class).map(s -> s.getMetadata().getName())).containsExactly("ac", "az", "b");
    }

    @Test
    void listKindsAreExpandedAndEachItemKeepsItsOwnLine() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: one}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: two}
                ---
                apiVersion: v1
                kind: ServiceList
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: three}
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("one", "two", "three");
        assertThat(m.objects()).extracting(o -> o.origin().line()).containsExactly(4, 7, 14);
        assertThat(m.objects()).extracting(ManifestObject::kind).containsExactly("Service", "ConfigMap", "Service");
        assertThat(m.objects().get(0).object()).isInstanceOf(Service.class);
    }

    @Test
    void jsonListItemsGetTheLineOfTheList() throws IOException {
        write("list.json", "\n{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n"
                + "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}}]}\n");
        Manifests m = load();
        assertThat(m.objects()).singleElement().extracting(ManifestObject::origin).isEqualTo(Origin.of("list.json", 2));
    }

    @Test
    void documentsThatAreNotKubernetesObjectsAreErrorsNamingTheirLine() throws IOException {
        write("values.yaml", "replicas: 3\n---\n" + service("kept") + "---\n- just\n- a list\n---\nhello\n---\n"
                + "kind: Service\nmetadata: {name: x}\n");
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("kept");
        assertThat(m.problems()).hasSize(4).allSatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.hint()).contains("apiVersion, kind and metadata.name");
        });
        assertThat(m.problems()).extracting(Problem::origin).containsExactly(Origin.of("values.yaml", 1),
                Origin.of("values.yaml", 12), Origin.of("values.yaml", 15), Origin.of("values.yaml", 17));
        assertThat(m.problems()).extracting(Problem::message).containsExactly(
                "document is not a Kubernetes object: it has no apiVersion and no kind; nothing in it is used",
                "document is a list, not a Kubernetes object; nothing in it is used",
                "document is a plain value, not a Kubernetes object; nothing in it is used",
                "document is not a Kubernetes object: it has no apiVersion; nothing in it is used");
    }

    @Test
    void aMisspeltKindInAGroupKongGitopsReadsIsAnErrorWithASuggestion() throws IOException {
        write("app.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingres
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: v1
                kind: service
                metadata: {name: api, namespace: shop}
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugn
                metadata: {name: auth, namespace: shop}
                plugin: key-auth
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoot
                metadata: {name: r, namespace: shop}
                """);
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).allSatisfy(p -> assertThat(p.isError()).isTrue())
                .extracting(Problem::toString).satisfiesExactly(
                        p -> assertThat(p).startsWith("ERROR app.yaml:1 Ingres shop/web: unknown kind Ingres in API "
                                + "group networking.k8s.io (did you mean Ingress?)"),
                        p -> assertThat(p).startsWith("ERROR app.yaml:5 service shop/api: unknown kind service in the "
                                + "core API group (apiVersion v1) (did you mean Service?)"),
                        p -> assertThat(p).startsWith("ERROR app.yaml:9 KongPlugn shop/auth: unknown kind KongPlugn "
                                + "in API group configuration.konghq.com (did you mean KongPlugin?)"),
                        p -> assertThat(p).startsWith("ERROR app.yaml:14 HTTPRoot shop/r: unknown kind HTTPRoot in API "
                                + "group gateway.networking.k8s.io (did you mean HTTPRoute?)"));
    }

    @Test
    void anUnknownKindFarFromAnyKnownOneGetsNoGuessButTheListOfKnownKinds() throws IOException {
        write("x.yaml", "apiVersion: discovery.k8s.io/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\n");
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).startsWith("unknown kind Widget in API group discovery.k8s.io;")
                    .doesNotContain("did you mean");
            assertThat(p.hint()).contains("the known kinds of this group are EndpointSlice)");
        });
    }

    @Test
    void objectsOfOtherGroupsAndValidKindsKongGitopsDoesNotTranslateAreLoadedWithoutProblems() throws IOException {
        write("app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web-tls, namespace: shop}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: configuration.konghq.com/v1alpha1
                kind: KongService
                metadata: {name: web, namespace: shop}
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(ManifestObject::kind)
                .containsExactly("Deployment", "Certificate", "ServiceAccount", "NetworkPolicy", "KongService");
    }

    @Test
    void anObjectWithoutMetadataNameIsAnErrorNotACrash() throws IOException {
        write("ing.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {namespace: shop}
                spec: {rules: [{host: a.example}]}
                ---
                apiVersion: v1
                kind: Service
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: 42}
                """);
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).allSatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("has no metadata.name");
        }).extracting(p -> p.origin() + " " + p.object()).containsExactly(
                "ing.yaml:1 Ingress shop/", "ing.yaml:6 Service ", "ing.yaml:9 Deployment ");
    }

    @Test
    void theSameObjectTwiceIsAnErrorNamingBothPlacesAndOnlyTheFirstIsUsed() throws IOException {
        write("a.yaml", service("web") + "---\n" + service("api"));
        write("b/copy.yaml", "# copied\n" + service("web"));
        write("c.yaml", service("api").replace("port: 80", "port: 81") + "---\n"
                + "apiVersion: v1\nkind: Secret\nmetadata: {name: web, namespace: shop}\n");
        Manifests m = load();
        assertThat(m.objects()).extracting(o -> o.kind() + " " + o.name() + " " + o.origin())
                .containsExactly("Service web a.yaml:1", "Service api a.yaml:10", "Secret web c.yaml:10");
        assertThat(m.problems()).allSatisfy(p -> assertThat(p.isError()).isTrue()).extracting(Problem::toString)
                .containsExactly(
                        "ERROR b/copy.yaml:2 Service shop/web: Service shop/web is defined twice: at a.yaml:1 and here "
                                + "at b/copy.yaml:2; this second definition is not used (keep one definition: delete "
                                + "the copy, or give it another name or namespace)",
                        "ERROR c.yaml:1 Service shop/api: Service shop/api is defined twice: at a.yaml:10 and here at "
                                + "c.yaml:1; this second definition is not used (keep one definition: delete the copy, "
                                + "or give it another name or namespace)");
    }

    @Test
    void anObjectWithoutNamespaceAndTheSameObjectInDefaultAreTheSameObject() throws IOException {
        write("a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n"
                + "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\n");
        Manifests m = load();
        assertThat(m.objects()).singleElement().extracting(ManifestObject::origin).isEqualTo(Origin.of("a.yaml", 1));
        assertThat(m.problems()).singleElement().extracting(Problem::toString).asString()
                .contains("a.yaml:5 Service default/web: Service default/web is defined twice: at a.yaml:1");
    }

    @Test
    void namespacedObjectsWithoutNamespaceAreInDefaultAndClusterScopedOnesKeepNone() throws IOException {
        write("all.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: web}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: other, namespace: shop}
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: auth}
                plugin: key-auth
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: kong}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: kong}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: configuration.konghq.com/v1
                kind: KongClusterPlugin
                metadata: {name: global}
                plugin: cors
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: letsencrypt}
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(o -> o.ref().toString()).containsExactly(
                "Ingress default/web", "Service default/web", "Service shop/other", "KongPlugin default/auth",
                "HTTPRoute default/r", "Deployment default/web", "IngressClass kong", "GatewayClass kong",
                "Namespace shop", "KongClusterPlugin global", "ClusterIssuer letsencrypt");
        assertThat(m.objects().get(0).object().getMetadata().getNamespace()).isEqualTo("default");
        assertThat(m.objects().get(6).object().getMetadata().getNamespace()).isNull();
    }

    @Test
    void malformedYamlIsAnErrorWithTheLineOfTheSyntaxErrorAndOtherFilesStillLoad() throws IOException {
        write("a-good.yaml", service("good"));
        write("b-bad.yaml", service("first") + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n"
                + "  labels: {a: b}\n");
        write("c-bad.json", "{\"apiVersion\": \"v1\",\n \"kind\": \"Service\",,\n}");
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("good");
        assertThat(m.problems()).hasSize(2).allSatisfy(p -> assertThat(p.isError()).isTrue());
        Problem yaml = m.problems().get(0);
        assertThat(yaml.origin().file()).isEqualTo("b-bad.yaml");
        assertThat(yaml.origin().line()).isBetween(13, 14);
        assertThat(yaml.message()).contains("YAML syntax error").doesNotContain("\n");
        Problem json = m.problems().get(1);
        assertThat(json.origin()).isEqualTo(Origin.of("c-bad.json", 2));
        assertThat(json.toString()).contains("c-bad.json:2", "JSON syntax error");
    }

    @Test
    void duplicateKeysAreAnErrorAsWithKubectl() throws IOException {
        write("dup.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n");
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.origin()).isEqualTo(Origin.of("dup.yaml", 5));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void anchorsAliasesAndMergeKeysAreExpandedNotReadAsStrings() throws IOException {
        write("anchors.yaml", """
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata:
                  name: cm
                  labels: &labels {team: a, app: web}
                  annotations:
                    <<: *labels
                    extra: "yes"
                plugin: request-transformer
                config:
                  when: 2024-01-01
                  copy: &v value
                  again: *v
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        GenericKubernetesResource plugin = (GenericKubernetesResource) m.objects().get(0).object();
        assertThat(plugin.getMetadata().getAnnotations()).containsEntry("team", "a").containsEntry("extra", "yes");
        assertThat((Map<String, Object>) plugin.getAdditionalProperties().get("config"))
                .containsEntry("again", "value").containsEntry("when", "2024-01-01");
    }

    @Test
    void yamlAliasBombIsRefusedWithTheFileName() throws IOException {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n");
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        write("bomb.yaml", bomb.toString());
        write("ok.yaml", service("ok"));
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("ok");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.origin().file()).isEqualTo("bomb.yaml");
            assertThat(p.message()).contains("alias");
        });
    }

    @Test
    void aliasExpansionUnderTheAliasCountLimitIsStillRefusedWhenItExplodes() throws IOException {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\n");
        bomb.append("l0: &l0 [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 24; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        write("wide.yaml", bomb.toString());
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("alias bomb"));
    }

    @Test
    void recursiveAliasIsRefused() throws IOException {
        write("loop.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: &d\n  self: *d\n");
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("recursive");
        });
    }

    @Test
    void fileOverTheSizeLimitIsAnErrorNamingFileAndSize() throws IOException {
        write("big.yaml", service("big") + "# " + "x".repeat(2000) + "\n");
        write("small.yaml", service("small"));
        long size = Files.size(dir.resolve("big.yaml"));
        Manifests m = ManifestLoader.load(dir, "", "local", 1000);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("small");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.origin().file()).isEqualTo("big.yaml");
            assertThat(p.message()).contains(size + " bytes", "1000 bytes");
        });
    }

    @Test
    void symlinkPointingOutsideTheRepositoryIsAnErrorAndNotRead(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.yaml"), service("outside"));
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/more.yaml"), service("outside-dir"));
        write("in.yaml", service("in"));
        Files.createSymbolicLink(dir.resolve("link.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(dir.resolve("linkdir"), outside.resolve("dir"));
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("in");
        assertThat(m.problems()).extracting(p -> p.origin().file()).containsExactly("link.yaml", "linkdir");
        assertThat(m.problems()).allSatisfy(p -> assertThat(p.message()).contains("outside the repository"));
    }

    @Test
    void symlinksInsideTheRepositoryAreFollowedOnceAndLoopsAreAWarningNamingTheLink() throws IOException {
        write("base/svc.yaml", service("svc"));
        Files.createSymbolicLink(dir.resolve("alias.yaml"), Path.of("base/svc.yaml"));
        Files.createSymbolicLink(dir.resolve("base/loop"), Path.of(".."));
        write("real/other.yaml", service("other"));
        Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/other"), Path.of("../real"));
        Manifests m = load();
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).startsWith("WARNING base/loop: symlink loop: this link points to the repository "
                    + "root, a folder that contains the link; not followed");
        });
        assertThat(m.objects()).extracting(o -> o.origin().file()).containsExactly("alias.yaml", "links/other/other.yaml");
    }

    @Test
    void aLinkToTheFolderItIsInIsAWarningAndEverythingElseStillLoads() throws IOException {
        write("k8s/svc.yaml", service("svc"));
        Files.createSymbolicLink(dir.resolve("zz-loop"), Path.of("."));
        Files.createSymbolicLink(dir.resolve("k8s/self"), Path.of("../k8s"));
        Manifests m = load();
        assertThat(m.objects()).extracting(o -> o.origin().toString()).containsExactly("k8s/svc.yaml:1");
        assertThat(m.problems()).extracting(Problem::toString).containsExactly(
                "WARNING k8s/self: symlink loop: this link points to k8s, a folder that contains the link; not "
                        + "followed (remove the symlink; the files it would reach are loaded through their own path)",
                "WARNING zz-loop: symlink loop: this link points to the repository root, a folder that contains the "
                        + "link; not followed (remove the symlink; the files it would reach are loaded through their "
                        + "own path)");
    }

    @Test
    void objectThatDoesNotFitItsSchemaIsAnErrorNamingTheObject() throws IOException {
        write("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n"
                + "  ports: notalist-but-a-string\n---\n" + service("fine"));
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("fine");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.toString()).contains("bad.yaml:1", "Service shop/web");
        });
    }

    @Test
    void fileThatIsNotUtf8IsAnErrorAndOtherFilesStillLoad() throws IOException {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, (byte) 0xFF, '\n'});
        write("ok.yaml", service("ok"));
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("ok");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.origin().file()).isEqualTo("latin1.yaml");
        });
    }

    @Test
    void emptyDirectoryGivesNothing() {
        Manifests m = load();
        assertThat(m.objects()).isEmpty();
        assertThat(m.problems()).isEmpty();
        assertThat(List.of(m.commit())).containsExactly("abc");
    }

    @Test
    void filesLoadedInParallelGiveObjectsAndProblemsInFileThenDocumentOrder() throws IOException {
        List<String> expectedObjects = new java.util.ArrayList<>();
        List<String> expectedProblems = new java.util.ArrayList<>();
        for (int f = 0; f < 40; f++) {
            String file = String.format("d%d/f%02d.yaml", f % 3, f);
            StringBuilder text = new StringBuilder();
            for (int d = 0; d < 1 + f % 4; d++) {
                text.append(service("s" + f + "-" + d)).append("---\n");
            }
            if (f % 5 == 0) {
                text.append("apiVersion: v1\nkind: Servic\nmetadata: {name: typo" + f + "}\n");
            }
            if (f % 9 == 4) {
                text.append("key: [unclosed\n");
                expectedProblems.add(file);
            } else {
                for (int d = 0; d < 1 + f % 4; d++) expectedObjects.add(file + " s" + f + "-" + d);
                if (f % 5 == 0) expectedProblems.add(file);
            }
            write(file, text.toString());
        }
        Manifests m = load();
        expectedObjects.sort(java.util.Comparator.comparing(s -> s.substring(0, s.indexOf(' '))));
        expectedProblems.sort(null);
        assertThat(m.objects()).extracting(o -> o.origin().file() + " " + o.name())
                .containsExactlyElementsOf(expectedObjects);
        assertThat(m.problems()).extracting(p -> p.origin().file()).containsExactlyElementsOf(expectedProblems);
    }
}
