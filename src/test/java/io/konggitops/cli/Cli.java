package io.konggitops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@link Main#run} in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
    static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    static Cli run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    /** Everything the run printed, for scans such as "no secret anywhere". */
    String all() {
        return out + err;
    }
}
