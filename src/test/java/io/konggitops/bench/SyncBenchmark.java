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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test of speed: the first full sync ({@code reconcile}) and the no-op {@code diff} right after it,
 * for repositories of 1,000 and 10,000 Ingress rules against the {@link KongDouble} with 0 ms and 2 ms of latency per
 * request. Wall times and Admin API request counts are printed and written to {@code target/bench/in-process.md}.
 * Assertions only check that each run did its job (exit codes, the double holds the routes), never a duration.
 *
 * <p>Run: {@code mvn -B -Pbench test} (the default build leaves the {@code bench} tag out). System properties:
 * {@code bench.sizes} (default {@code 1000,10000}), {@code bench.latencies} (ms, default {@code 0,2}),
 * {@code bench.cold} ({@code true}: also a cold-JVM {@code reconcile} + {@code diff} per size with peak RSS from
 * {@code /usr/bin/time -v}; default true), {@code bench.coldJvmArgs} (extra JVM options of the cold runs).
 */
@Tag("bench")
@DisplayName("Sync benchmark: first reconcile and no-op diff against the Kong double")
class SyncBenchmark {
    private static final Path OUT = Path.of("target", "bench");
    private static final List<String> ROWS = new ArrayList<>();
    private static final List<String> COLD_ROWS = new ArrayList<>();
    private static Path repos;

    @BeforeAll
    static void generateRepositories() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        repos = Files.createTempDirectory("kong-gitops-bench-");
        for (int size : sizes()) {
            BenchRepos.generate(size, repos.resolve("rules-" + size));
        }
        // warm-up: class loading and JIT of one full cycle, so the in-process figures show the work, not start-up
        try (KongDouble kong = KongDouble.builder().build().start()) {
            Run warm = run("reconcile", repos.resolve("rules-" + sizes()[0]), kong.baseUrl());
            assertThat(warm.exit).as(warm.err).isZero();
            run("diff", repos.resolve("rules-" + sizes()[0]), kong.baseUrl());
        }
    }

    @AfterAll
    static void writeResults() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Sync benchmark (in-process, warm JVM)\n\n");
        md.append(BenchRepos.machine()).append("\n\n");
        md.append("Wall time per run; CPU = CPU time of the whole test JVM during the run (kong-gitops and the Kong double "
                + "together), which is less sensitive to other load on the machine.\n\n");
        md.append("| rules | latency | reconcile (first sync) | CPU | requests (writes) | diff (no-op) | CPU | requests | "
                + "load avg (1 min) |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        ROWS.forEach(r -> md.append(r).append('\n'));
        if (!COLD_ROWS.isEmpty()) {
            md.append("\n# Cold CLI runs (new JVM, launcher flags " + System.getProperty("bench.coldJvmArgs", "")
                    + ", 0 ms latency)\n\n");
            md.append("| rules | command | wall | CPU (user+sys) | peak RSS | exit | load avg (1 min) |\n"
                    + "|---:|---|---:|---:|---:|---:|---:|\n");
            COLD_ROWS.forEach(r -> md.append(r).append('\n'));
        }
        Files.writeString(OUT.resolve("in-process.md"), md.toString());
        System.out.println(md);
        BenchRepos.deleteRecursively(repos);
    }

    @Test
    @DisplayName("first reconcile writes everything; the diff right after finds nothing to do")
    void firstSyncThenNoOpDiff() {
        for (int size : sizes()) {
            for (int latency : latencies()) {
                Path repo = repos.resolve("rules-" + size);
                try (KongDouble kong = KongDouble.builder().latency(Duration.ofMillis(latency)).build().start()) {
                    String load = BenchRepos.load1();
                    Run sync = run("reconcile", repo, kong.baseUrl());
                    int syncRequests = kong.stats().total();
                    int syncWrites = kong.stats().writes();
                    assertThat(sync.exit).as("reconcile exit; stderr:\n" + sync.err).isZero();
                    assertThat(kong.store().all("routes")).as("routes in Kong after the first sync").hasSize(size);

                    kong.stats().reset();
                    Run diff = run("diff", repo, kong.baseUrl());
                    int diffRequests = kong.stats().total();
                    assertThat(diff.exit).as("diff right after the sync is in sync; out:\n" + diff.out).isZero();
                    assertThat(kong.stats().writes()).as("diff never writes").isZero();

                    String row = String.format("| %,d | %d ms | %.2f s | %.2f s | %,d (%,d) | %.2f s | %.2f s | %,d | %s |",
                            size, latency, sync.seconds, sync.cpuSeconds, syncRequests, syncWrites, diff.seconds,
                            diff.cpuSeconds, diffRequests, load);
                    System.out.println(row);
                    ROWS.add(row);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    @DisplayName("a cold CLI reconcile and diff per size, with peak RSS")
    void coldCliRunsWithPeakMemory() throws IOException, InterruptedException {
        if (!Boolean.parseBoolean(System.getProperty("bench.cold", "true"))) {
            return;
        }
        for (int size : sizes()) {
            Path repo = repos.resolve("rules-" + size);
            try (KongDouble kong = KongDouble.builder().build().start()) {
                for (String command : List.of("reconcile", "diff")) {
                    String load = BenchRepos.load1();
                    BenchRepos.Cold cold = BenchRepos.cold(command, repo, kong.baseUrl());
                    assertThat(cold.exit()).as(command + " exit; output:\n" + cold.output()).isZero();
                    String row = String.format("| %,d | %s | %.2f s | %.2f s | %,d MiB | %d | %s |", size, command,
                            cold.seconds(), cold.cpuSeconds(), cold.maxRssKb() / 1024, cold.exit(), load);
                    System.out.println(row);
                    COLD_ROWS.add(row);
                }
                assertThat(kong.store().all("routes")).hasSize(size);
            }
        }
    }

    private record Run(int exit, double seconds, double cpuSeconds, String out, String err) {
    }

    private static Run run(String command, Path repo, String adminUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {command, "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url", adminUrl};
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        int exit = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        return new Run(exit, seconds, cpuSeconds, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static int[] sizes() {
        return ints(System.getProperty("bench.sizes", "1000,10000"));
    }

    private static int[] latencies() {
        return ints(System.getProperty("bench.latencies", "0,2"));
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }
}
