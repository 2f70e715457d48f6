package io.konggitops.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.Set;

/**
 * The options about the terminal and the logs, on every command ({@code -v}, {@code -q}, {@code --log-format},
 * {@code --no-color}) and on {@code reconcile} ({@code -y/--yes}). They are not job settings: no environment twin
 * ({@code NO_COLOR} and {@code KONG_GITOPS_LOG_FORMAT} aside), not in {@code --config}.
 */
record UiOptions(boolean verbose, boolean quiet, String logFormat, boolean noColor, boolean yes) {
    static final Set<String> NAMES = Set.of("verbose", "quiet", "log-format", "no-color", "yes");

    static void add(CommandSpec sub, String command) {
        sub.addOption(OptionSpec.builder("-v", "--verbose").arity("0").type(boolean.class)
                .description("Log at DEBUG (stack traces of failures included).").build());
        sub.addOption(OptionSpec.builder("-q", "--quiet").arity("0").type(boolean.class)
                .description("Log errors only; no progress bar; with --report-file the report goes to the file "
                        + "only.").build());
        sub.addOption(OptionSpec.builder("--log-format").paramLabel("json|text").type(String.class)
                .description("Log lines as JSON objects or text (default json in a pod whose stdout is not a "
                        + "terminal, else text) [env KONG_GITOPS_LOG_FORMAT]").build());
        sub.addOption(OptionSpec.builder("--no-color").arity("0").type(boolean.class)
                .description("No colour on a terminal (also NO_COLOR=1). Files and pipes never get colour.").build());
        if (command.equals("reconcile")) {
            sub.addOption(OptionSpec.builder("-y", "--yes").arity("0").type(boolean.class)
                    .description("Do not ask before deleting on a terminal (a pipe or CI never asks).").build());
        }
    }

    static UiOptions of(ParseResult sub) {
        return new UiOptions(sub.matchedOptionValue("--verbose", false), sub.matchedOptionValue("--quiet", false),
                sub.matchedOptionValue("--log-format", null), sub.matchedOptionValue("--no-color", false),
                sub.hasMatchedOption("--yes") && (boolean) sub.matchedOptionValue("--yes", false));
    }
}
