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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not a test of speed): kong-gitops and decK 1.4 side by side, cold processes against the same
 * {@link KongDouble} over HTTP. Per repository size:
 * <ol>
 *   <li>double A: {@code bin/kong-gitops reconcile} (first sync, at the first latency of the case); then at every
 *       latency of the case (the double's latency per request is changed in place) {@code bin/kong-gitops diff}
 *       (no-op) and {@code deck diff} against the same double and state. decK's diff input is {@code deck dump} of
 *       that state (made once): it carries the {@code kong-gitops-applied} tags kong-gitops writes, so the diff is
 *       a no-op for decK too;</li>
 *   <li>at the headline size (10k), on A at 0 ms: one rule changed, then {@code reconcile} (its writes are counted);
 *       a 1k-rule repository of another select tag synced and diffed beside A's 35,000 entities;</li>
 *   <li>for every latency of {@code bench.syncLatencies} (0 and 2 ms): first syncs into fresh doubles,
 *       {@code bin/kong-gitops reconcile} and {@code deck sync} of {@code bin/kong-gitops render}'s decK file (the
 *       project's decK writer: the same entities); at 0 ms also {@code deck diff} of decK's own state, kong-gitops'
 *       diff of it (a cross-check) and, at 10k, {@code deck sync} of the changed file.</li>
 * </ol>
 * Both tools use {@code --select-tag managed-by:kong-gitops} and the same parallelism. Results:
 * {@code target/bench/results.md} (goals with verdicts), logs in {@code target/bench/logs/}.
 *
 * <p>Run with {@code bench/bench.sh}. System properties: {@code bench.cases} (default {@code 1000@0;10000@0,2,20}:
 * rules@latencies;...), {@code bench.syncLatencies}, {@code bench.shape} ({@code per-two} default, or
 * {@code fixed-50}), {@code bench.deck} ({@code false}: kong-gitops only), {@code bench.deckLatencies} (decK only at these),
 * {@code bench.crossChecks} ({@code false}: no decK diff of its own state, no kong-gitops diff of decK's state, no
 * decK sync of the changed rule), {@code bench.extras} ({@code false}: no changed-rule / foreign-state runs),
 * {@code bench.headline}, {@code bench.coldSyncMax}, {@code bench.stateCache}, plus those of {@link Tools}. Assertions only check that each run did its job, never a duration.
 */
@Tag("bench")
@DisplayName("Side-by-side benchmark: kong-gitops and decK 1.4, cold, against the Kong double")
class SideBySideBenchmark {
    private static final Path OUT = Path.of("target", "bench");
    /** The size of the changed-rule run and of the foreign state (property {@code bench.headline}). */
    private static final int HEADLINE = Integer.getInteger("bench.headline", 10_000);
    /** The select tag of the 1k repository diffed beside the headline repository's entities. */
    private static final String OTHER_TAG = "bench-other";
    /**
     * Above this size (property {@code bench.coldSyncMax}) there is no first sync: the state for the diffs is
     * seeded from render's decK file ({@link DeckFileSeeder}) or loaded from the state cache, and only the no-op
     * diffs are compared.
     */
    private static final int COLD_SYNC_MAX = Integer.getInteger("bench.coldSyncMax", 10_000);
    /**
     * Where the state of a first sync above COLD_SYNC_MAX is kept for the next run (property {@code bench.stateCache},
     * default {@code target/bench-state}; delete it after changing what kong-gitops writes).
     */
    private static final Path STATE_CACHE = Path.of(System.getProperty("bench.stateCache", "target/bench-state"));
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
            runSize(c.getKey(), c.getValue());
        }
    }

    /**
     * One repository size: double A gets kong-gitops' first sync at the first latency, then at every latency
     * kong-gitops' no-op diff and decK's; the first syncs at the other latencies of {@code bench.syncLatencies}
     * (default 0 and 2 ms) get fresh doubles, decK's too.
     */
    private void runSize(int rules, List<Integer> latencies) throws IOException, InterruptedException {
        Path repo = repo(rules);
        String size = rules / 1000 + "k-";
        int first = latencies.get(0);
        AtomicLong latency = new AtomicLong(first);
        boolean big = rules > COLD_SYNC_MAX;
        Path cached = STATE_CACHE.resolve("state-" + rules + "-" + shape() + ".json.gz");
        try (KongDouble a = start(latency)) {
            if (big && Files.exists(cached)) {
                // the entities an earlier run's first sync wrote (same ids, tags and values: kong-gitops' output is
                // deterministic), loaded straight into the double
                a.loadState(cached);
                System.out.println("[bench] " + rules + " rules: state loaded from " + cached);
            } else if (big) {
                // a cold first sync of 350,000 entities takes longer than the benchmark can wait on a busy machine:
                // the entities of render's decK file go straight into the double, as deck sync would create them
                long t0 = System.nanoTime();
                int seeded = DeckFileSeeder.seed(a, deckFile(rules));
                System.out.printf("[bench] %d rules: %,d entities seeded from the decK file in %.1f s%n", rules, seeded,
                        (System.nanoTime() - t0) / 1e9);
                Files.createDirectories(STATE_CACHE);
                a.saveState(cached);
            } else {
                Results.Row sync = measure(rules, first, Results.SYNC, Results.KG, a, "",
                        () -> tools.kongGitops(size + first + "ms-kg-reconcile", "reconcile", repo, a.baseUrl()));
                assertThat(sync.run().exit()).as("reconcile exit; output:\n" + sync.run().tail(30)).isZero();
            }
            assertThat(a.store().count("routes")).as("routes after the first sync").isEqualTo(rules);
            String entities = a.store().size() + " entities in Kong";
            Path dump = work.resolve(size + "dump.yaml");
            for (int l : latencies) {
                latency.set(l);
                String tag = size + l + "ms-";
                Results.Row diff = measure(rules, l, Results.DIFF, Results.KG, a, entities,
                        () -> tools.kongGitops(tag + "kg-diff", "diff", repo, a.baseUrl()));
                assertThat(diff.run().exit()).as("diff after the sync is in sync; output:\n" + diff.run().tail(30))
                        .isZero();
                assertThat(diff.writes()).as("diff never writes").isZero();
                if (!deck || !deckLatencies().contains(l)) continue;
                // decK's diff input is its own dump of this state: kong-gitops writes a kong-gitops-applied:<hash>
                // tag on every entity that a rendered file does not have, so only a dump makes decK's diff a no-op
                // (render's file is decK's input for its first sync, below)
                Path cachedDump = STATE_CACHE.resolve("dump-" + rules + "-" + shape() + ".yaml");
                if (!Files.exists(dump) && Files.exists(cachedDump)) {
                    Files.copy(cachedDump, dump); // an earlier run's dump of the same (deterministic) entities
                }
                if (!Files.exists(dump)) {
                    Results.Row dumped = measure(rules, l, Results.DUMP, Results.DECK, a, "",
                            () -> tools.deckDump(tag + "deck-dump", dump, a.baseUrl(), Tools.SELECT_TAG));
                    assertThat(dumped.run().exit()).as("deck dump; output:\n" + dumped.run().tail(30)).isZero();
                    results.add(withNote(dumped, Files.size(dump) / 1024 + " KiB"));
                    Files.createDirectories(STATE_CACHE);
                    Files.copy(dump, cachedDump, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Results.Row deckDiff = measure(rules, l, Results.DIFF, Results.DECK, a,
                        "input: deck dump of the state kong-gitops wrote",
                        () -> tools.deck(tag + "deck-diff", "diff", dump, a.baseUrl(), Tools.SELECT_TAG));
                assertThat(deckDiff.run().exit()).as("deck diff; output:\n" + deckDiff.run().tail(30)).isZero();
                assertThat(deckDiff.writes()).as("deck diff never writes").isZero();
                amendDeckNote(deckDiff);
            }
            latency.set(0);
            if (rules == HEADLINE && extras()) {
                oneChangedRule(a, repo, rules);
                besideForeignState(a);
            }
        }
        if (big) return; // above COLD_SYNC_MAX only the no-op diffs are compared
        for (int l : latencies) {
            if (!syncLatencies().contains(l)) continue;
            if (l != first) {
                try (KongDouble c = start(new AtomicLong(l))) {
                    Results.Row sync = measure(rules, l, Results.SYNC, Results.KG, c, "",
                            () -> tools.kongGitops(size + l + "ms-kg-reconcile", "reconcile", repo, c.baseUrl()));
                    assertThat(sync.run().exit()).as("reconcile exit; output:\n" + sync.run().tail(30)).isZero();
                }
            }
            if (deck && deckLatencies().contains(l)) deckSync(rules, l, repo);
        }
    }

    /** decK's first sync into a fresh double; at 0 ms also its diff of its own state and kong-gitops' cross-check. */
    private void deckSync(int rules, int latency, Path repo) throws IOException, InterruptedException {
        String tag = rules / 1000 + "k-" + latency + "ms-";
        Path file = deckFile(rules);
        try (KongDouble b = start(new AtomicLong(latency))) {
            Results.Row deckSync = measure(rules, latency, Results.SYNC, Results.DECK, b, "input: render's decK file",
                    () -> tools.deck(tag + "deck-sync", "sync", file, b.baseUrl(), Tools.SELECT_TAG));
            assertThat(deckSync.run().exit()).as("deck sync; output:\n" + deckSync.run().tail(30)).isZero();
            assertThat(b.store().count("routes")).as("routes after deck sync").isEqualTo(rules);
            amendDeckNote(deckSync);
            if (latency != 0 || !Boolean.parseBoolean(System.getProperty("bench.crossChecks", "true"))) return;
            Results.Row own = measure(rules, latency, "no-op diff on decK's own state", Results.DECK, b, "",
                    () -> tools.deck(tag + "deck-diff-own", "diff", file, b.baseUrl(), Tools.SELECT_TAG));
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
                        () -> tools.deck(tag + "deck-sync-changed", "sync", changedFile, b.baseUrl(), Tools.SELECT_TAG));
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
     * A 1k-rule repository of another namespace prefix and select tag, synced and diffed in double A, which holds
     * the headline repository's entities (35,000 at 10k rules) under {@code managed-by:kong-gitops}: foreign state
     * for this run. Compared with the 1k case's diff, which had nothing else in Kong.
     */
    private void besideForeignState(KongDouble a) throws IOException, InterruptedException {
        int small = 1000;
        Path other = work.resolve("other-" + small);
        BenchRepos.generate(small, other, "--shape", shape(), "--namespace-prefix", "other");
        String note = a.store().size() + " entities of another select tag in Kong";
        String tagOption = "--select-tag=" + OTHER_TAG;
        Results.Row sync = measure(small, 0, "first sync beside 10k foreign rules", Results.KG, a, note,
                () -> tools.kongGitops("1k-beside-kg-reconcile", "reconcile", other, a.baseUrl(), tagOption));
        assertThat(sync.run().exit()).as(sync.run().tail(30)).isZero();
        Results.Row diff = measure(small, 0, Results.BESIDE, Results.KG, a, note,
                () -> tools.kongGitops("1k-beside-kg-diff", "diff", other, a.baseUrl(), tagOption));
        assertThat(diff.run().exit()).as(diff.run().tail(30)).isZero();
        if (!deck) return;
        Path dump = work.resolve("1k-beside-dump.yaml");
        Timed dumped = tools.deckDump("1k-beside-deck-dump", dump, a.baseUrl(), OTHER_TAG);
        assertThat(dumped.exit()).as(dumped.tail(30)).isZero();
        Results.Row d = measure(small, 0, Results.BESIDE, Results.DECK, a, note,
                () -> tools.deck("1k-beside-deck-diff", "diff", dump, a.baseUrl(), OTHER_TAG));
        assertThat(d.run().exit()).as(d.run().tail(30)).isZero();
        amendDeckNote(d);
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

    /** A fresh double whose latency per request can be changed while it runs. */
    private static KongDouble start(AtomicLong latencyMs) throws IOException {
        return KongDouble.builder().latency((method, path) -> Duration.ofMillis(latencyMs.get())).build().start();
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
        Path file = work.resolve("rules-" + rules + ".deck.json");
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

    /** Latencies at which first syncs are measured ({@code bench.syncLatencies}, default 0 and 2 ms). */
    private static List<Integer> syncLatencies() {
        List<Integer> out = new ArrayList<>();
        for (String l : System.getProperty("bench.syncLatencies", "0,2").split(",")) {
            if (!l.isBlank()) out.add(Integer.parseInt(l.trim()));
        }
        return out;
    }

    /** Latencies at which decK runs ({@code bench.deckLatencies}; default: all of the case). */
    private static List<Integer> deckLatencies() {
        String p = System.getProperty("bench.deckLatencies", "");
        if (p.isBlank()) return List.of(0, 1, 2, 5, 10, 20, 50, 100, 200);
        return java.util.Arrays.stream(p.split(",")).map(String::trim).map(Integer::valueOf).toList();
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
