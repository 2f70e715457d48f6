package io.konggitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * diff and reconcile write the report asked for ({@code --report}, {@code --report-file}) however they end, and the
 * report says how and why: refused, failed, error, applied, drift or in sync.
 */
class ReportOnEveryPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path repo(String... folders) throws Exception {
        Path repo = dir.resolve("repo");
        for (String folder : folders) {
            Path from = Cli.SAMPLES.resolve(folder);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.createDirectories(repo.resolve(folder));
                    Files.copy(f, repo.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        return repo;
    }

    private Cli run(KongDouble kong, Path repo, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--repo", repo.toString(), "--endpoints", "manifests",
                "--kong-admin-url", kong.baseUrl(), "--report-file", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--report")) args.addAll(List.of("--report", "json"));
        return Cli.run(Map.of(), args.toArray(String[]::new));
    }

    private JsonNode reportFile() throws Exception {
        return JSON.readTree(dir.resolve("report.json").toFile());
    }

    @Test
    void manifestsThatFailToLoadMakeReconcileRefuseAndTheReportSaysWhy() throws Exception {
        Path repo = repo("shop", "platform");
        Files.writeString(repo.resolve("shop/broken.yaml"), "kind: Ingress\nmetadata: [\n");
        try (KongDouble kong = KongDouble.startDefault()) {
            Cli r = run(kong, repo, "reconcile");

            assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
            JsonNode report = reportFile();
            assertThat(report.at("/outcome/status").asText()).isEqualTo("refused");
            assertThat(report.at("/outcome/reason").asText()).contains("could not be loaded");
            assertThat(report.get("summary").isNull()).isTrue();
            assertThat(report.get("problems").toString()).contains("shop/broken.yaml");
            assertThat(report.get("format_version").asText()).isEqualTo("1.1");
            assertThat(kong.stats().writes()).isZero();
        }
    }

    @Test
    void onInvalidFailStopsTheDiffAndTheReportSaysSo() throws Exception {
        Path repo = repo("shop");
        Files.writeString(repo.resolve("shop/broken.yaml"), "kind: Ingress\nmetadata: [\n");
        try (KongDouble kong = KongDouble.startDefault()) {
            Cli r = run(kong, repo, "diff", "--on-invalid", "fail");

            assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("error");
            assertThat(reportFile().at("/outcome/reason").asText()).startsWith("--on-invalid fail: 1 error(s)");
            assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("report.json")));
        }
    }

    @Test
    void aDeletionGuardRefusalIsReportedInEveryFormat() throws Exception {
        Path repo = repo("shop", "platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            assertThat(run(kong, repo, "reconcile").exit()).isZero();
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("applied");
            try (Stream<Path> files = Files.list(repo.resolve("shop"))) {
                for (Path f : files.toList()) Files.delete(f);
            }
            int before = kong.stats().writes();

            Cli json = run(kong, repo, "reconcile");
            assertThat(json.exit()).as(json.all()).isEqualTo(Main.REFUSED);
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("refused");
            assertThat(reportFile().at("/outcome/reason").asText()).contains("30%");

            Cli markdown = run(kong, repo, "reconcile", "--report", "markdown");
            assertThat(markdown.exit()).isEqualTo(Main.REFUSED);
            assertThat(markdown.out()).startsWith("### kong-gitops reconcile: refused").contains("> **refused**: ");
            assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(markdown.out());
            assertThat(kong.stats().writes()).isEqualTo(before);
        }
    }

    @Test
    void aFailedWriteIsReportedAsFailed() throws Exception {
        Path repo = repo("platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            kong.failNthWrite(1, 400);

            Cli r = run(kong, repo, "reconcile");

            assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("failed");
            assertThat(reportFile().at("/outcome/reason").asText()).contains("1 change(s) failed");
            assertThat(reportFile().at("/applied/outcome").asText()).isEqualTo("failed");
        }
    }

    @Test
    void driftAndInSyncAreOutcomesToo() throws Exception {
        Path repo = repo("platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            assertThat(run(kong, repo, "diff").exit()).isEqualTo(Main.DRIFT);
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("drift");
            assertThat(run(kong, repo, "reconcile").exit()).isZero();
            assertThat(run(kong, repo, "diff", "--report", "text").exit()).isZero();
            assertThat(Files.readString(dir.resolve("report.json"))).contains("Plan: 0 to create");
            assertThat(run(kong, repo, "diff").exit()).isZero();
            assertThat(reportFile().at("/outcome/status").asText()).isEqualTo("in-sync");
        }
    }

    @Test
    void aKongThatCannotBeReadStillGetsAnErrorReport() throws Exception {
        Path repo = repo("platform");
        Cli r = Cli.run(Map.of(), "diff", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                "http://127.0.0.1:1", "--report", "json", "--report-file", dir.resolve("report.json").toString());

        assertThat(r.exit()).isEqualTo(Main.ERROR);
        JsonNode report = reportFile();
        assertThat(report.at("/outcome/status").asText()).isEqualTo("error");
        assertThat(report.at("/outcome/reason").asText()).contains("127.0.0.1:1");
        assertThat(report.at("/kong/address").asText()).isEqualTo("http://127.0.0.1:1");
        assertThat(report.get("commit").isNull()).isFalse();
    }
}
