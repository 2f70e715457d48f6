package io.konggitops.source;

import io.fabric8.kubernetes.api.model.ConfigMap;
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
        assertThat(m.objects().get(1).object()).isInstanceOf(ConfigMap.class);
    }

    @Test
    void jsonListItemsGetTheLineOfTheList() throws IOException {
        write("list.json", "\n{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n"
                + "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}}]}\n");
        Manifests m = load();
        assertThat(m.objects()).singleElement().extracting(ManifestObject::origin).isEqualTo(Origin.of("list.json", 2));
    }

    @Test
    void documentWithoutApiVersionOrKindIsAWarningAndSkipped() throws IOException {
        write("values.yaml", "replicas: 3\n---\n" + service("kept") + "---\n- just\n- a list\n");
        Manifests m = load();
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("kept");
        assertThat(m.problems()).hasSize(2).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(m.problems()).extracting(Problem::origin)
                .containsExactly(Origin.of("values.yaml", 1), Origin.of("values.yaml", 12));
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
    void anchorsAliasesAndMergeKeysAreExpandedNotReadAsStrings() throws IOException {
        write("anchors.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm
                  labels: &labels {team: a, app: web}
                  annotations:
                    <<: *labels
                    extra: "yes"
                data:
                  when: 2024-01-01
                  copy: &v value
                  again: *v
                """);
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        ConfigMap cm = (ConfigMap) m.objects().get(0).object();
        assertThat(cm.getMetadata().getAnnotations()).containsEntry("team", "a").containsEntry("extra", "yes");
        assertThat(cm.getData()).containsEntry("again", "value").containsEntry("when", "2024-01-01");
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
    void symlinksInsideTheRepositoryAreFollowedOnceAndLoopsEnd() throws IOException {
        write("base/svc.yaml", service("svc"));
        Files.createSymbolicLink(dir.resolve("alias.yaml"), Path.of("base/svc.yaml"));
        Files.createSymbolicLink(dir.resolve("base/loop"), Path.of(".."));
        write("real/other.yaml", service("other"));
        Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/other"), Path.of("../real"));
        Manifests m = load();
        assertThat(m.problems()).isEmpty();
        assertThat(m.objects()).extracting(o -> o.origin().file()).containsExactly("alias.yaml", "links/other/other.yaml");
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
}
