package io.konggitops.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two clients of the side-by-side benchmark as cold processes: {@code bin/kong-gitops} (a new JVM per command,
 * the launcher's flags and its class-data-sharing archive) and Debian's {@code deck} 1.4 on {@code PATH}. Both use
 * the same parallelism and the same select tag, so that they read and write the same entities.
 *
 * <p>System properties: {@code bench.parallelism} (default 10, passed to both), {@code bench.kgArgs} (extra
 * kong-gitops options, space-separated, e.g. {@code --read-parallelism=20}), {@code bench.timeoutMinutes} (per
 * command, default 30).
 */
final class Tools {
    static final String SELECT_TAG = "managed-by:kong-gitops";
    private static final Pattern DECK_SUMMARY = Pattern.compile("(Created|Updated|Deleted): (\\d+)");

    private final Path logDir;
    private final int parallelism = Integer.getInteger("bench.parallelism", 10);
    private final long timeout = Long.getLong("bench.timeoutMinutes", 30);

    Tools(Path logDir) {
        this.logDir = logDir;
    }

    int parallelism() {
        return parallelism;
    }

    /** {@code bin/kong-gitops COMMAND --repo REPO --endpoints manifests --kong-admin-url URL ...}. */
    Timed kongGitops(String label, String command, Path repo, String url, String... extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bin/kong-gitops", command, "--repo", repo.toString(),
                "--endpoints", "manifests", "--no-color"));
        if (url != null) cmd.addAll(List.of("--kong-admin-url", url));
        if (command.equals("reconcile")) cmd.add("--parallelism=" + parallelism); // writes only
        cmd.addAll(List.of(extra));
        for (String arg : System.getProperty("bench.kgArgs", "").split(" ")) {
            if (!arg.isBlank() && url != null) cmd.add(arg);
        }
        return Timed.run(label, cmd, Map.of(), logDir, timeout);
    }

    /** The decK file of a repository, as JSON: {@code bin/kong-gitops render --format=json -o FILE} (the project's decK writer). */
    Timed render(String label, Path repo, Path out) throws IOException, InterruptedException {
        return kongGitops(label, "render", repo, null, "--format=json", "-o", out.toString());
    }

    /** {@code deck sync|diff --kong-addr URL -s FILE --select-tag TAG --parallelism N}. */
    Timed deck(String label, String command, Path state, String url, String selectTag)
            throws IOException, InterruptedException {
        List<String> cmd = List.of("deck", command, "--kong-addr", url, "-s", state.toString(),
                "--select-tag", selectTag, "--parallelism", Integer.toString(parallelism), "--no-color");
        return Timed.run(label, cmd, Map.of(), logDir, timeout);
    }

    /** {@code deck dump --kong-addr URL --select-tag TAG --with-id -o FILE}. */
    Timed deckDump(String label, Path out, String url, String selectTag) throws IOException, InterruptedException {
        List<String> cmd = List.of("deck", "dump", "--kong-addr", url, "--select-tag", selectTag, "--with-id",
                "-o", out.toString(), "--no-color");
        return Timed.run(label, cmd, Map.of(), logDir, timeout);
    }

    /** decK's summary: created, updated, deleted ({@code -1} each when it printed none). */
    static int[] deckSummary(Timed run) {
        int[] out = {-1, -1, -1};
        Matcher m = DECK_SUMMARY.matcher(run.output());
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "Created" -> 0;
                case "Updated" -> 1;
                default -> 2;
            };
            out[i] = Integer.parseInt(m.group(2));
        }
        return out;
    }

    /** decK 1.4's version line, or why it is missing. */
    static String deckVersion() {
        try {
            Process p = new ProcessBuilder("deck", "version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? v : "deck version failed: " + v;
        } catch (IOException | InterruptedException e) {
            return "deck not found on PATH";
        }
    }
}
