package io.konggitops.translate;

import io.konggitops.cluster.ClusterView;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.kong.deck.DeckWriter;
import io.konggitops.problem.Problem;
import io.konggitops.source.ManifestLoader;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own golden cases, {@code src/test/resources/golden/translate/<case>/}: {@code in.yaml} is rendered and compared
 * byte for byte with {@code expected.yaml} (secrets redacted), {@code expected-secrets.yaml} (when present: secrets
 * included) and {@code problems.txt} (one problem per line). Optional {@code settings.properties}: {@code mode}
 * (endpoints | service-dns), {@code drain}, {@code ingressClass}, {@code workspace}, {@code clusterDomain},
 * {@code flavor}, {@code kongVersion}. Run with {@code -Dgolden.update=true} to rewrite the expected files, like KIC's {@code -update}.
 */
class TranslateGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden/translate");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCaseRendersExactlyAsExpected() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        Properties settings = new Properties();
        Path settingsFile = caseDir.resolve("settings.properties");
        if (Files.exists(settingsFile)) {
            try (Reader r = Files.newBufferedReader(settingsFile)) {
                settings.load(r);
            }
        }
        Path input = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString()));
        Files.copy(caseDir.resolve("in.yaml"), input.resolve("in.yaml"));
        Manifests manifests = ManifestLoader.loadDirectory(input, "test");
        assertThat(manifests.problems()).as("loading in.yaml").isEmpty();
        ClusterView view = "service-dns".equals(settings.getProperty("mode"))
                ? ManifestClusterView.serviceDns(manifests) : ManifestClusterView.endpoints(manifests);
        KongTarget target = new KongTarget(settings.getProperty("kongVersion", "3.9.1"),
                RouterFlavor.parse(settings.getProperty("flavor", "traditional_compatible")), false);
        TranslateOptions options = new TranslateOptions(
                settings.getProperty("ingressClass", TranslateOptions.DEFAULT_INGRESS_CLASS),
                TranslateOptions.DEFAULT_SELECT_TAG, target, settings.getProperty("workspace", ""),
                settings.getProperty("clusterDomain", ""), Boolean.parseBoolean(settings.getProperty("drain")));

        Translation t = Translator.translate(manifests, view, options);
        String problems = t.problems().stream().map(Problem::toString).collect(Collectors.joining("\n", "", "\n"));
        compare(caseDir.resolve("problems.txt"), t.problems().isEmpty() ? "" : problems);
        compare(caseDir.resolve("expected.yaml"), DeckWriter.write(t.desired(), DeckWriter.Format.YAML, false));
        Path withSecrets = caseDir.resolve("expected-secrets.yaml");
        if (Files.exists(withSecrets) || UPDATE && t.desired().entities().stream()
                .anyMatch(e -> e.type() == io.konggitops.kong.EntityType.CERTIFICATE)) {
            compare(withSecrets, DeckWriter.write(t.desired(), DeckWriter.Format.YAML, true));
        }
        // rendering is deterministic: a second translation gives the same bytes
        Translation again = Translator.translate(manifests, view, options);
        assertThat(DeckWriter.write(again.desired(), DeckWriter.Format.JSON, true))
                .isEqualTo(DeckWriter.write(t.desired(), DeckWriter.Format.JSON, true));
    }

    private static void compare(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(expectedFile)).as(expectedFile + " exists (regenerate with -Dgolden.update=true)")
                .isTrue();
        assertThat(actual).as(expectedFile.toString()).isEqualTo(Files.readString(expectedFile));
    }
}
