package io.konggitops.cli;

import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People at a terminal (simulated: tests have no TTY): colour in the text report only on a terminal and without
 * NO_COLOR, a progress bar for big applies, a question before deleting, examples in --help, the commit in --version,
 * -v/-q and the log format.
 */
class TerminalTest {
    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";

    @TempDir
    Path dir;

    /** A terminal whose person answers {@code answer}; records the questions asked. */
    private static final class FakeTerminal implements Terminal {
        final List<String> asked = new ArrayList<>();
        final String answer;

        FakeTerminal(String answer) {
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public String ask(String prompt) {
            asked.add(prompt);
            return answer;
        }
    }

    private record Ran(int exit, String out, String err, List<Logging.Settings> logging) {
        String all() {
            return out + err;
        }
    }

    private static Ran run(Terminal terminal, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Logging.Settings> logging = new ArrayList<>();
        int exit = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, logging::add);
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), logging);
    }

    private Path repo(String... folders) throws Exception {
        Path repo = dir.resolve("repo");
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Cli.SAMPLES.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.createDirectories(repo.resolve(folder));
                    Files.copy(f, repo.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        return repo;
    }

    private String[] diffAgainstDeckFile(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints",
                "manifests", "--kong-state", Cli.SAMPLES.resolve("kong-state.yaml").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void theTextReportIsColouredOnATerminalOnly() {
        Path file = dir.resolve("report.txt");
        Ran tty = run(new FakeTerminal("n"), Map.of(), diffAgainstDeckFile("--report-file", file.toString()));
        assertThat(tty.exit()).as(tty.all()).isEqualTo(Main.DRIFT);
        assertThat(tty.out()).contains(GREEN + "+ create ", RED + "- delete ", "\u001B[0m");

        assertThat(run(Terminal.NONE, Map.of(), diffAgainstDeckFile()).out()).doesNotContain("\u001B[");
        assertThat(run(new FakeTerminal("n"), Map.of("NO_COLOR", "1"), diffAgainstDeckFile()).out())
                .doesNotContain("\u001B[");
        assertThat(run(new FakeTerminal("n"), Map.of(), diffAgainstDeckFile("--no-color")).out())
                .doesNotContain("\u001B[");
        assertThat(run(new FakeTerminal("n"), Map.of(), diffAgainstDeckFile("--report", "json")).out())
                .doesNotContain("\u001B[");
        assertThat(file).content().contains("+ create ").doesNotContain("\u001B[");
    }

    @Test
    void reconcileAsksBeforeDeletingOnATerminalAndARefusalWritesNothing() throws Exception {
        Path repo = repo("shop", "platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            String[] args = {"reconcile", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                    kong.baseUrl(), "--max-deletions", "100%"};
            FakeTerminal first = new FakeTerminal("y");
            assertThat(run(first, Map.of(), args).exit()).isZero();
            assertThat(first.asked).as("creating only: no question").isEmpty();
            try (Stream<Path> files = Files.list(repo.resolve("platform"))) {
                for (Path f : files.toList()) Files.delete(f);
            }
            int writes = kong.stats().writes();

            FakeTerminal no = new FakeTerminal("n");
            Ran refused = run(no, Map.of(), args);
            assertThat(refused.exit()).as(refused.all()).isEqualTo(Main.REFUSED);
            assertThat(no.asked).singleElement().asString().contains("Delete ", "[y/N]");
            assertThat(refused.err()).contains("- delete ", "nothing written");
            assertThat(refused.out()).contains("Refused, nothing written: declined at the prompt");
            assertThat(kong.stats().writes()).isEqualTo(writes);

            FakeTerminal eof = new FakeTerminal(null);
            assertThat(run(eof, Map.of(), args).exit()).isEqualTo(Main.REFUSED);
            assertThat(kong.stats().writes()).isEqualTo(writes);

            FakeTerminal yesFlag = new FakeTerminal("n");
            List<String> withYes = new ArrayList<>(List.of(args));
            withYes.add("--yes");
            Ran applied = run(yesFlag, Map.of(), withYes.toArray(String[]::new));
            assertThat(applied.exit()).as(applied.all()).isZero();
            assertThat(yesFlag.asked).isEmpty();
            assertThat(kong.stats().writes()).isGreaterThan(writes);
        }
    }

    @Test
    void withoutATerminalReconcileNeverAsks() throws Exception {
        Path repo = repo("shop", "platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            String[] args = {"reconcile", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                    kong.baseUrl(), "--max-deletions", "100%"};
            assertThat(run(Terminal.NONE, Map.of(), args).exit()).isZero();
            try (Stream<Path> files = Files.list(repo.resolve("platform"))) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Ran r = run(Terminal.NONE, Map.of(), args);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out()).contains("- delete ");
        }
    }

    @Test
    void applyingMoreThanFiftyChangesShowsAProgressBarOnATerminalOnly() throws Exception {
        Path repo = dir.resolve("bulk");
        Files.createDirectories(repo);
        Files.copy(Cli.SAMPLES.resolve("platform/services.yaml"), repo.resolve("services.yaml"));
        Files.copy(Cli.SAMPLES.resolve("platform/endpointslices.yaml"), repo.resolve("endpointslices.yaml"));
        StringBuilder many = new StringBuilder("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: hosts, namespace: platform}
                spec:
                  ingressClassName: kong
                  rules:
                """);
        for (int i = 0; i < 60; i++) {
            many.append("  - host: h").append(i).append(".example.com\n    http:\n      paths:\n")
                    .append("      - {path: /, pathType: Prefix, backend: {service: {name: not-found, port: {number: 80}}}}\n");
        }
        Files.writeString(repo.resolve("ingress-fallback.yaml"), many.toString());
        try (KongDouble kong = KongDouble.startDefault()) {
            String[] args = {"reconcile", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                    kong.baseUrl(), "--dry-run"};
            Ran plan = run(Terminal.NONE, Map.of(), args);
            assertThat(plan.out()).as(plan.all()).containsPattern("Plan: \\d+ to create");
            int changes = Integer.parseInt(plan.out().replaceAll("(?s).*Plan: (\\d+) to create.*", "$1"));
            assertThat(changes).isGreaterThan(Ui.PROGRESS_THRESHOLD);

            String[] apply = java.util.Arrays.copyOf(args, args.length - 1);
            Ran quietTty = run(new FakeTerminal("y"), Map.of(), append(apply, "-q"));
            assertThat(quietTty.exit()).as(quietTty.all()).isZero();
            assertThat(quietTty.err()).doesNotContain("applying [");
            kong.reset();
            Ran tty = run(new FakeTerminal("y"), Map.of(), apply);
            assertThat(tty.exit()).as(tty.all()).isZero();
            assertThat(tty.err()).contains("\rapplying [").contains("] " + changes + "/" + changes + "\n");
            assertThat(tty.out()).doesNotContain("applying [");
            kong.reset();
            Ran pipe = run(Terminal.NONE, Map.of(), apply);
            assertThat(pipe.exit()).isZero();
            assertThat(pipe.err()).doesNotContain("applying [");
        }
    }

    @Test
    void everyCommandsHelpHasExamplesOfThatCommand() {
        for (String command : List.of("render", "validate", "diff", "reconcile")) {
            Ran help = run(Terminal.NONE, Map.of(), command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(command).contains("Examples:", "kong-gitops " + command + " --repo",
                    "--verbose", "--quiet", "--log-format", "--no-color");
        }
        assertThat(run(Terminal.NONE, Map.of(), "--help").out()).contains("Examples:", "Exit codes:");
        assertThat(run(Terminal.NONE, Map.of(), "reconcile", "--help").out()).contains("--yes");
    }

    @Test
    void versionPrintsTheVersionAndTheCommit() {
        Ran v = run(Terminal.NONE, Map.of(), "--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out().trim()).matches("kong-gitops \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|dev)\\)");
        assertThat(run(Terminal.NONE, Map.of(), "diff", "--version").out()).isEqualTo(v.out());
    }

    @Test
    void verboseQuietAndTheLogFormatAreDecidedPerRun() {
        String[] validate = {"validate", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests"};
        assertThat(run(Terminal.NONE, Map.of(), append(validate, "-v")).logging())
                .containsExactly(new Logging.Settings("text", "DEBUG"));
        assertThat(run(Terminal.NONE, Map.of(), append(validate, "-q")).logging())
                .containsExactly(new Logging.Settings("text", "ERROR"));
        Map<String, String> pod = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        assertThat(run(Terminal.NONE, pod, validate).logging()).containsExactly(new Logging.Settings("json", null));
        assertThat(run(new FakeTerminal("n"), pod, validate).logging())
                .as("kubectl exec -it: a person reads it").containsExactly(new Logging.Settings("text", null));
        assertThat(run(Terminal.NONE, pod, append(validate, "--log-format", "text")).logging())
                .containsExactly(new Logging.Settings("text", null));
        Map<String, String> env = new HashMap<>(Map.of("KONG_GITOPS_LOG_FORMAT", "json"));
        assertThat(run(new FakeTerminal("n"), env, validate).logging())
                .containsExactly(new Logging.Settings("json", null));
        Ran bad = run(Terminal.NONE, Map.of(), append(validate, "--log-format", "xml"));
        assertThat(bad.exit()).isEqualTo(Main.ERROR);
        assertThat(bad.err()).contains("--log-format must be json or text");
    }

    @Test
    void quietWithAReportFileLeavesStdoutEmpty() {
        Path file = dir.resolve("drift.md");
        Ran r = run(Terminal.NONE, Map.of(), diffAgainstDeckFile("-q", "--report", "markdown", "--report-file",
                file.toString()));
        assertThat(r.exit()).isEqualTo(Main.DRIFT);
        assertThat(r.out()).isEmpty();
        assertThat(file).content().contains("kong-gitops diff");
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
