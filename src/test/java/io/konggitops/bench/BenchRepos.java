package io.konggitops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Helpers of the benchmarks: synthetic repositories, machine facts, cold CLI runs measured by /usr/bin/time. */
final class BenchRepos {
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([0-9.]+)");

    private BenchRepos() {
    }

    /** A cold run: exit code, wall and CPU seconds, peak RSS in KiB (0 without /usr/bin/time), output. */
    record Cold(int exit, double seconds, double cpuSeconds, long maxRssKb, String output) {
    }

    /**
     * {@code bench/generate-repo.py RULES DIR [ARGS]}: by default the per-two shape (one Ingress per rule, one Service
     * per two rules, 3 endpoints each, 5 namespaces); {@code --shape fixed-50} the earlier one.
     */
    static void generate(int rules, Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", "bench/generate-repo.py", Integer.toString(rules),
                dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bench/generate-repo.py failed:\n" + output);
        }
    }

    /**
     * Runs {@code Main} in a new JVM with the launcher's flags (bin/kong-gitops: C1 only, serial GC, default CDS;
     * no application archive) on this test's class path, under {@code /usr/bin/time -v}; system property
     * {@code bench.coldJvmArgs} adds JVM options (e.g. {@code -Xmx128m} to find the smallest heap that works).
     */
    static Cold cold(String command, Path repo, String adminUrl) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean timeV = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timeV) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        for (String arg : System.getProperty("bench.coldJvmArgs", "").split(" ")) {
            if (!arg.isBlank()) cmd.add(arg);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.konggitops.cli.Main",
                command, "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url", adminUrl));
        Path log = Files.createTempFile("kong-gitops-bench-", ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(log);
            Matcher m = MAX_RSS.matcher(output);
            long rss = m.find() ? Long.parseLong(m.group(1)) : 0;
            double cpu = 0;
            for (Matcher c = CPU.matcher(output); c.find(); ) {
                cpu += Double.parseDouble(c.group(1));
            }
            return new Cold(exit, seconds, cpu, rss, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The 1-minute load average, as in /proc/loadavg. */
    static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The three load averages, as in /proc/loadavg. */
    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String machine() {
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.split(":", 2)[1].trim())
                    .orElse("?");
        } catch (IOException ignored) {
            // not Linux: no CPU model
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), Java "
                + System.getProperty("java.vm.version") + ", max heap " + Runtime.getRuntime().maxMemory() / 1048576
                + " MiB; in-process runs call io.konggitops.cli.Main.run after a warm-up cycle.";
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
