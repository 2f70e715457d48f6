package io.konggitops.bench;

import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not a test of speed): kong-gitops and decK 1.4 side by side, cold processes against the same
 * {@link KongDouble} over HTTP. Per case (rules × latency per request):
 * <ol>
 *   <li>fresh double A: {@code bin/kong-gitops reconcile} (first sync), {@code bin/kong-gitops diff} (no-op), then
 *       {@code deck dump} and {@code deck diff} of that dump against the same double and state (a no-op for decK:
 *       the dump carries the {@code kong-gitops-applied} tags kong-gitops writes);</li>
 *   <li>fresh double B: {@code deck sync} (first sync of the same entities); at 0 ms also {@code deck diff} on
 *       decK's own state and {@code kong-gitops diff} on it (a cross-check that both wrote the same);</li>
 *   <li>at 0 ms and the headline size (10k): one rule changed, then {@code reconcile} (its writes are counted) and
 *       {@code deck sync} of the changed file; a 1k-rule repository diffed beside 10k rules of another select tag.</li>
 * </ol>
 * decK's sync input is {@code bin/kong-gitops render} of the same repository (the project's decK writer), so both tools
 * sync identical entities; both use {@code --select-tag managed-by:kong-gitops} and the same parallelism.
 * Results: {@code target/bench/results.md} (goals with verdicts), logs in {@code target/bench/logs/}.
 *
 * <p>Run with {@code bench/bench.sh}. System properties: {@code bench.cases} (default {@code 1000@0;10000@0,2,20}:
 * rules@latencies;...), {@code bench.shape} ({@code per-two} default, or {@code fixed-50}), {@code bench.deck}
 * ({@code false}: kong-gitops only), {@code bench.extras} ({@code false}: no changed-rule / foreign-state runs),
 * plus those of {@link Tools}. Assertions only check that each run did its job, never a duration.
 */
@Tag("bench")
@DisplayName("Side-by-side benchmark: kong-gitops and decK 1.4, cold, against the Kong double")
class SideBySideBenchmark {
    private static final Path OUT = Path.of("target", "bench");
    /** The size of the changed-rule run and of the foreign state (property {@code bench.headline}). */
    private static final int HEADLINE = Integer.getInteger("bench.headline", 10_000);
    private static final String FOREIGN_TAG = "bench-foreign";
    private static Path work;
    private static Tools tools;
    private static Results results;
    private static boolean deck;
    private static final Map<Integer, Path> REPOS = new HashMap<>();
    private static final Map<Integer, Path> DECK_FILES = new HashMap<>();

    @BeforeAll
    static void prepare() throws IOException, InterruptedException {
        assertThat(Path.of("target", "kong-gitops.jar")).as("build it first: mvn -B package -DskipTests").exists();
        work = OUT.resolve("work");
        BenchRepos.deleteRecursively(work);
        BenchRepos.deleteRecursively(OUT.resolve("logs"));
        Files.createDirectories(work);
        tools = new Tools(OUT.resolve("logs"));
        deck = Boolean.parseBoolean(System.getProperty("bench.deck", "true"));
        String deckVersion = deck ? Tools.deckVersion() : "not run (bench.deck=false)";
        if (deckVersion.startsWith("deck not found") || deckVersion.startsWith("deck version failed")) deck = false;
        List<String> header = new ArrayList<>();
        header.add("machine: " + BenchRepos.machine().replace("Machine: ", "").replaceAll("; in-process.*", ""));
        header.add("kong-gitops: " + git("rev-parse", "--short", "HEAD") + " (" + git("log", "-1", "--format=%s")
                .replace("|", "/") + "), `bin/kong-gitops` (launcher flags, CDS archive "
                + (Files.exists(Path.of("target", "kong-gitops.jsa")) ? "present" : "absent") + ")"
                + (System.getProperty("bench.kgArgs", "").isBlank() ? "" : ", extra options `"
                + System.getProperty("bench.kgArgs") + "`"));
        header.add("decK: " + deckVersion.lines().findFirst().orElse(deckVersion));
        header.add("repository shape: " + shape() + "; parallelism " + tools.parallelism()
                + " for both tools; select tag `" + Tools.SELECT_TAG + "` for both");
        header.add("cases (rules@latencies): " + System.getProperty("bench.cases", "1000@0;10000@0,2,20"));
        results = new Results(OUT.resolve("results.md"), header, tools.parallelism());
        // warm-up of the double's JIT (it runs in this JVM), so that the first measured case is not slower
        Path warm = work.resolve("warm-up");
        BenchRepos.generate(500, warm, "--shape", shape());
        try (KongDouble kong = KongDouble.builder().build().start()) {
            for (String cmd : List.of("reconcile", "diff")) {
                int exit = Main.run(new String[] {cmd, "--repo", warm.toString(), "--endpoints", "manifests",
                        "--kong-admin-url", kong.baseUrl(), "-q"}, Map.of(), quiet(), quiet());
                assertThat(exit).as("warm-up " + cmd).isZero();
            }
        }
    }

    @AfterAll
    static void write() throws IOException {
        if (results != null) {
            results.write();
            System.out.println(Files.readString(OUT.resolve("results.md")));
        }
    }

    @Test
    @DisplayName("first sync and no-op diff of kong-gitops and decK for every case")
    void sideBySide() throws IOException, InterruptedException {
        for (Map.Entry<Integer, List<Integer>> c : cases().entrySet()) {
            for (int latency : c.getValue()) {
                runCase(c.getKey(), latency);
            }
        }
        if (Boolean.parseBoolean(System.getProperty("bench.extras", "true"))) {
            besideForeignState();
        }
    }

    private void runCase(int rules, int latency) throws IOException, InterruptedException {
        Path repo = repo(rules);
        String tag = rules / 1000 + "k-" + latency + "ms-";
        try (KongDouble a = start(latency)) {
            Results.Row sync = measure(rules, latency, Results.SYNC, Results.KG, a, "",
                    () -> tools.kongGitops(tag + "kg-reconcile", "reconcile", repo, a.baseUrl()));
            assertThat(sync.run().exit()).as("reconcile exit; output:\n" + sync.run().tail(30)).isZero();
            assertThat(a.store().count("routes")).as("routes after the first sync").isEqualTo(rules);
            int entities = a.store().size();
            Results.Row diff = measure(rules, latency, Results.DIFF, Results.KG, a, entities + " entities in Kong",
                    () -> tools.kongGitops(tag + "kg-diff", "diff", repo, a.baseUrl()));
            assertThat(diff.run().exit()).as("diff right after the sync is in sync; output:\n" + diff.run().tail(30))
                    .isZero();
            assertThat(diff.writes()).as("diff never writes").isZero();
            if (deck) {
                // decK's diff input is its own dump of this state: kong-gitops writes a kong-gitops-applied:<hash>
                // tag on every entity that a rendered file does not have, so only the dump makes decK's diff a
                // no-op (render's file is decK's input for the first sync, below)
                Path dump = work.resolve(tag + "dump.yaml");
                Files.deleteIfExists(dump);
                Results.Row dumped = measure(rules, latency, Results.DUMP, Results.DECK, a, "",
                        () -> tools.deckDump(tag + "deck-dump", dump, a.baseUrl()));
                assertThat(dumped.run().exit()).as("deck dump; output:\n" + dumped.run().tail(30)).isZero();
                results.add(withNote(dumped, Files.size(dump) / 1024 + " KiB"));
                Results.Row deckDiff = measure(rules, latency, Results.DIFF, Results.DECK, a,
                        "input: deck dump of the state kong-gitops wrote",
                        () -> tools.deck(tag + "deck-diff", "diff", dump, a.baseUrl()));
                assertThat(deckDiff.run().exit()).as("deck diff; output:\n" + deckDiff.run().tail(30)).isZero();
                assertThat(deckDiff.writes()).as("deck diff never writes").isZero();
                amendDeckNote(deckDiff);
            }
            if (latency == 0 && rules == HEADLINE && extras()) {
                oneChangedRule(a, repo, rules);
            }
        }
        if (!deck) return;
        try (KongDouble b = start(latency)) {
            Path file = deckFile(rules);
            Results.Row deckSync = measure(rules, latency, Results.SYNC, Results.DECK, b, "",
                    () -> tools.deck(tag + "deck-sync", "sync", file, b.baseUrl()));
            assertThat(deckSync.run().exit()).as("deck sync; output:\n" + deckSync.run().tail(30)).isZero();
            assertThat(b.store().count("routes")).as("routes after deck sync").isEqualTo(rules);
            amendDeckNote(deckSync);
            if (latency != 0) return;
            Results.Row own = measure(rules, latency, "no-op diff on decK's own state", Results.DECK, b, "",
                    () -> tools.deck(tag + "deck-diff-own", "diff", file, b.baseUrl()));
            amendDeckNote(own);
            Results.Row cross = measure(rules, latency, "diff of the state decK wrote (cross-check)", Results.KG, b, "",
                    () -> tools.kongGitops(tag + "kg-diff-deck-state", "diff", repo, b.baseUrl()));
            assertThat(cross.run().exit()).as("kong-gitops finds what decK wrote in sync:\n" + cross.run().tail(30))
                    .isZero();
            if (rules == HEADLINE && extras()) {
                Path changed = changedRepo(repo);
                Path changedFile = work.resolve("changed-" + rules + ".yaml");
                Timed render = tools.render(tag + "render-changed", changed, changedFile);
                assertThat(render.exit()).as(render.tail(30)).isZero();
                Results.Row one = measure(rules, latency, Results.CHANGED, Results.DECK, b, "",
                        () -> tools.deck(tag + "deck-sync-changed", "sync", changedFile, b.baseUrl()));
                assertThat(one.run().exit()).as(one.run().tail(30)).isZero();
                amendDeckNote(one);
            }
        }
    }

    /** Rule 0 gets another path; a reconcile of that must write exactly the one route. */
    private void oneChangedRule(KongDouble a, Path repo, int rules) throws IOException, InterruptedException {
        Path changed = changedRepo(repo);
        Results.Row one = measure(rules, 0, Results.CHANGED, Results.KG, a, "",
                () -> tools.kongGitops(rules / 1000 + "k-0ms-kg-reconcile-changed", "reconcile", changed, a.baseUrl()));
        assertThat(one.run().exit()).as(one.run().tail(30)).isZero();
        List<String> writes = a.writes();
        results.add(withNote(one, "writes: " + String.join(", ", writes.subList(0, Math.min(5, writes.size())))
                + (writes.size() > 5 ? ", …" : "")));
    }

    /**
     * A 1k-rule repository (tag {@code managed-by:kong-gitops}) synced and diffed in a Kong that also holds the
     * 10k-rule repository of another namespace prefix under another select tag (35,000 foreign entities).
     */
    private void besideForeignState() throws IOException, InterruptedException {
        int small = 1000;
        Path foreign = work.resolve("foreign-" + HEADLINE);
        BenchRepos.generate(HEADLINE, foreign, "--shape", shape(), "--namespace-prefix", "other");
        Path repo = repo(small);
        try (KongDouble c = start(0)) {
            Timed seed = tools.kongGitops("foreign-seed", "reconcile", foreign, c.baseUrl(), "--select-tag=" + FOREIGN_TAG);
            assertThat(seed.exit()).as(seed.tail(30)).isZero();
            int foreignEntities = c.store().size();
            Results.Row sync = measure(small, 0, "first sync beside 10k foreign rules", Results.KG, c,
                    foreignEntities + " foreign entities", () -> tools.kongGitops("1k-beside-kg-reconcile", "reconcile",
                            repo, c.baseUrl()));
            assertThat(sync.run().exit()).as(sync.run().tail(30)).isZero();
            Results.Row diff = measure(small, 0, Results.BESIDE, Results.KG, c, foreignEntities + " foreign entities",
                    () -> tools.kongGitops("1k-beside-kg-diff", "diff", repo, c.baseUrl()));
            assertThat(diff.run().exit()).as(diff.run().tail(30)).isZero();
            if (deck) {
                Path dump = work.resolve("1k-beside-dump.yaml");
                Files.deleteIfExists(dump);
                Timed dumped = tools.deckDump("1k-beside-deck-dump", dump, c.baseUrl());
                assertThat(dumped.exit()).as(dumped.tail(30)).isZero();
                Results.Row d = measure(small, 0, Results.BESIDE, Results.DECK, c, foreignEntities + " foreign entities",
                        () -> tools.deck("1k-beside-deck-diff", "diff", dump, c.baseUrl()));
                assertThat(d.run().exit()).as(d.run().tail(30)).isZero();
                amendDeckNote(d);
            }
        }
    }

    private interface Step {
        Timed run() throws IOException, InterruptedException;
    }

    /** Runs one step against {@code kong}, counting its requests and the double's CPU; adds the row. */
    private static Results.Row measure(int rules, int latency, String step, String tool, KongDouble kong, String note,
                                       Step body) throws IOException, InterruptedException {
        kong.stats().reset();
        String before = BenchRepos.load1();
        long cpu = processCpuNanos();
        Timed run = body.run();
        double doubleCpu = (processCpuNanos() - cpu) / 1e9;
        Results.Row row = new Results.Row(rules, latency, step, tool, run, kong.stats().total(), kong.stats().writes(),
                doubleCpu, before, BenchRepos.load1(), note);
        if (!tool.equals(Results.DECK) && !step.equals(Results.CHANGED)) results.add(row); // else: the caller adds it
        return row;
    }

    /** decK rows get its own summary (its false drift against Kong 3 shows as updates); then they are added. */
    private static void amendDeckNote(Results.Row row) throws IOException {
        int[] s = Tools.deckSummary(row.run());
        String summary = String.format("decK summary: %d created, %d updated, %d deleted", s[0], s[1], s[2]);
        results.add(withNote(row, row.note().isEmpty() ? summary : row.note() + "; " + summary));
    }

    private static Results.Row withNote(Results.Row r, String note) {
        return new Results.Row(r.rules(), r.latencyMs(), r.step(), r.tool(), r.run(), r.requests(), r.writes(),
                r.doubleCpu(), r.loadBefore(), r.loadAfter(), note);
    }

    private static KongDouble start(int latencyMs) throws IOException {
        return KongDouble.builder().latency(Duration.ofMillis(latencyMs)).build().start();
    }

    private static Path repo(int rules) throws IOException, InterruptedException {
        Path existing = REPOS.get(rules);
        if (existing != null) return existing;
        Path dir = work.resolve("rules-" + rules);
        BenchRepos.generate(rules, dir, "--shape", shape());
        REPOS.put(rules, dir);
        return dir;
    }

    /** decK's input for a repository: {@code bin/kong-gitops render} (timed; a row of its own). */
    private static Path deckFile(int rules) throws IOException, InterruptedException {
        Path existing = DECK_FILES.get(rules);
        if (existing != null) return existing;
        Path file = work.resolve("rules-" + rules + ".deck.yaml");
        Timed render = tools.render(rules / 1000 + "k-render", repo(rules), file);
        assertThat(render.exit()).as("render; output:\n" + render.tail(30)).isZero();
        results.add(new Results.Row(rules, 0, "render (decK's input file)", Results.KG, render, 0, 0, 0,
                "", BenchRepos.load1(), Files.size(file) / 1024 + " KiB decK file"));
        DECK_FILES.put(rules, file);
        return file;
    }

    /** A copy of the repository with the path of rule 0 changed. */
    private static Path changedRepo(Path repo) throws IOException {
        Path copy = work.resolve(repo.getFileName() + "-changed");
        if (Files.exists(copy)) return copy;
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(repo.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path first = copy.resolve("team-00").resolve("ingresses-000.yaml");
        String text = Files.readString(first);
        String changed = text.replaceFirst("- path: /api/0\n", "- path: /api/0-changed\n");
        assertThat(changed).as("rule 0 in " + first).isNotEqualTo(text);
        Files.writeString(first, changed);
        return copy;
    }

    private static boolean extras() {
        return Boolean.parseBoolean(System.getProperty("bench.extras", "true"));
    }

    private static String shape() {
        return System.getProperty("bench.shape", "per-two");
    }

    /** {@code 1000@0;10000@0,2,20} → 1000 → [0], 10000 → [0, 2, 20], in order. */
    static Map<Integer, List<Integer>> cases() {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        for (String c : System.getProperty("bench.cases", "1000@0;10000@0,2,20").split(";")) {
            if (c.isBlank()) continue;
            String[] parts = c.trim().split("@");
            List<Integer> latencies = new ArrayList<>();
            for (String l : (parts.length > 1 ? parts[1] : "0").split(",")) latencies.add(Integer.parseInt(l.trim()));
            out.put(Integer.parseInt(parts[0].trim()), latencies);
        }
        return out;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
