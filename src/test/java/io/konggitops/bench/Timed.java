package io.konggitops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of a benchmark, run as its own process under {@code /usr/bin/time -v}: wall time (measured here),
 * user and system CPU seconds and peak RSS (from GNU time's report, written to its own file so that the command's
 * output stays apart), exit code, and the command's combined output in a log file.
 */
record Timed(String label, int exit, double wall, double user, double sys, long maxRssKb, Path log) {
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Path TIME = Path.of("/usr/bin/time");

    double cpu() {
        return user + sys;
    }

    double rssMib() {
        return maxRssKb / 1024.0;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of the output (for assertion messages). */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Runs {@code command} in the working directory with {@code env} added to this process' environment; its
     * output goes to {@code logDir/<label>.log}. Stops it after {@code timeoutMinutes} (exit -1).
     */
    static Timed run(String label, List<String> command, Map<String, String> env, Path logDir, long timeoutMinutes)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        String file = label.replaceAll("[^A-Za-z0-9._-]+", "_");
        Path log = logDir.resolve(file + ".log");
        Path timeReport = logDir.resolve(file + ".time");
        Files.deleteIfExists(timeReport);
        List<String> cmd = new ArrayList<>();
        boolean measured = Files.isExecutable(TIME);
        if (measured) cmd.addAll(List.of(TIME.toString(), "-v", "-o", timeReport.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        int exit;
        if (p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            exit = -1;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String report = measured && Files.exists(timeReport) ? Files.readString(timeReport) : "";
        return new Timed(label, exit, wall, number(USER, report), number(SYS, report), (long) number(RSS, report), log);
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
