package io.konggitops.cli;

import io.konggitops.config.JobConfig;
import io.konggitops.config.Secrets;
import io.konggitops.problem.KongGitopsException;
import io.konggitops.source.GitCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kong-gitops render|validate|diff|reconcile}. Options come from the {@link Setting} table; every option has
 * an environment twin ({@code --kong-admin-url} ↔ {@code KONG_GITOPS_KONG_ADMIN_URL}) and may also come from
 * {@code --config FILE}. Exit codes: 0 in sync / done, 1 error, 2 drift found ({@code diff}), 3 refused by a
 * safety guard.
 */
public final class Main {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int DRIFT = 2;
    public static final int REFUSED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("render", "Translate the manifests and print the desired Kong configuration as a decK file.");
        DESCRIPTIONS.put("validate", "Load and translate the manifests and print the problems; exit 1 on any error.");
        DESCRIPTIONS.put("diff", "Compare the desired configuration with Kong (or a decK file); never writes. "
                + "Exit 0 in sync, 2 drift found, 1 error.");
        DESCRIPTIONS.put("reconcile", "Apply the changes to Kong (DB mode: entity by entity; DB-less: POST /config). "
                + "Exit 0 done, 1 failure, 3 refused by a safety guard.");
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, Terminal.system(), Logging::apply));
    }

    /** Runs one command; never calls {@code System.exit}, so tests can call it. No terminal; logging untouched. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Terminal.NONE, settings -> { });
    }

    /**
     * As {@link #run(String[], Map, PrintStream, PrintStream)}, on {@code terminal} (colour, progress bar, the delete
     * question), handing the log settings ({@code -v}, {@code -q}, {@code --log-format}) to {@code logging}.
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Terminal terminal,
                   java.util.function.Consumer<Logging.Settings> logging) {
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionStrategy(parsed -> execute(parsed, env, out, err, terminal, logging));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("kong-gitops: " + e.getMessage());
            err.println("Run 'kong-gitops " + (e.getCommandLine().getCommandName().equals("kong-gitops") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for the options.");
            return ERROR;
        });
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandSpec top = CommandSpec.create().name("kong-gitops").mixinStandardHelpOptions(true)
                .version("kong-gitops " + version() + " (commit " + commit() + ")");
        top.usageMessage().footer(HelpExamples.TOP);
        top.usageMessage().description("GitOps reconciliation for Kong Gateway: Kubernetes routing manifests from Git "
                + "to Kong, translated the way the Kong Ingress Controller does.");
        CommandLine cli = new CommandLine(top);
        DESCRIPTIONS.forEach((name, description) -> {
            CommandSpec sub = CommandSpec.create().name(name).mixinStandardHelpOptions(true)
                    .version("kong-gitops " + version() + " (commit " + commit() + ")");
            sub.usageMessage().description(description).sortOptions(false).footer(HelpExamples.of(name));
            UiOptions.add(sub, name);
            sub.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(String.class)
                    .description("YAML file of settings (keys are the option names without dashes).").build());
            for (Setting s : Setting.ALL) {
                if (!s.commands().contains(name)) continue;
                OptionSpec.Builder o = OptionSpec.builder(s.flag())
                        .description(optionDescription(s));
                if (s.isSwitch()) {
                    o.arity("0").type(boolean.class);
                } else if (s.name().equals("kong-header")) {
                    o.paramLabel(s.label()).type(List.class).auxiliaryTypes(String.class);
                } else {
                    o.paramLabel(s.label()).type(String.class);
                }
                if (s.name().equals("output")) o.names("-o", "--output");
                sub.addOption(o.build());
            }
            cli.addSubcommand(name, new CommandLine(sub));
        });
        return cli;
    }

    private static int execute(ParseResult parsed, Map<String, String> env, PrintStream out, PrintStream err,
                               Terminal terminal, java.util.function.Consumer<Logging.Settings> logging) {
        if (CommandLine.printHelpIfRequested(parsed)) {
            return OK;
        }
        if (!parsed.hasSubcommand()) {
            parsed.commandSpec().commandLine().usage(out);
            return ERROR;
        }
        ParseResult sub = parsed.subcommand();
        String command = sub.commandSpec().name();
        Map<String, String> flags = new LinkedHashMap<>();
        String configFile = null;
        UiOptions ui = UiOptions.of(sub);
        try {
            logging.accept(Logging.decide(ui.logFormat(), ui.verbose(), ui.quiet(), env, terminal));
        } catch (IllegalArgumentException e) {
            err.println("kong-gitops: " + e.getMessage());
            return ERROR;
        }
        for (OptionSpec o : sub.matchedOptions()) {
            String name = o.longestName().substring(2);
            if (UiOptions.NAMES.contains(name)) continue;
            Object value = o.getValue();
            if (name.equals("config")) {
                configFile = (String) value;
            } else if (value instanceof List<?> list) {
                flags.put(name, String.join("\n", list.stream().map(String::valueOf).toList()));
            } else {
                flags.put(name, String.valueOf(value));
            }
        }
        try {
            List<String> secrets = new ArrayList<>(List.of(GitCredentials.TOKEN, GitCredentials.USERNAME,
                    GitCredentials.PASSWORD));
            if (Setting.LIVE.contains(command)) secrets.add(Pipeline.ADMIN_TOKEN);
            JobConfig config = JobConfig.load(command, flags, env, configFile == null ? null : Path.of(configFile),
                    Secrets.problems(env, secrets));
            return new Commands(config, env, out, err,
                    Ui.of(terminal, env, ui.noColor(), ui.quiet(), ui.yes())).run(command);
        } catch (RuntimeException e) {
            return failed(command, e, err);
        }
    }

    /**
     * How a run that threw ends: a {@link KongGitopsException} prints its message and exits with its code; anything
     * else is a bug, printed as one "internal error" line. The stack trace is logged at DEBUG only.
     */
    static int failed(String command, RuntimeException e, PrintStream err) {
        if (e instanceof KongGitopsException known) {
            err.println("kong-gitops: " + known.getMessage());
            LOG.debug("{} failed", command, e);
            return known.exitCode();
        }
        err.println("kong-gitops: internal error: " + oneLine(e)
                + ", please report it (KONG_GITOPS_LOG_LEVEL=DEBUG shows the stack trace)");
        LOG.debug("internal error in {}", command, e);
        return ERROR;
    }

    /** {@code IllegalStateException: message} on one line. */
    /**
     * The help line of a setting as picocli wants it: picocli runs descriptions through {@code String.format}, so a
     * literal {@code %} (as in {@code P%}) is doubled, else picocli warns and prints the raw text.
     */
    static String optionDescription(Setting s) {
        return (s.help() + " [env " + s.env() + "]").replace("%", "%%");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    static String version() {
        try (var in = Main.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    /** The Git commit the build was made from ({@code dev} when it was not built from a Git checkout). */
    static String commit() {
        try (var in = Main.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) p.load(in);
            String commit = p.getProperty("commit", "");
            if (commit.isBlank() || commit.startsWith("${")) return "dev";
            return commit + ("true".equals(p.getProperty("dirty")) ? "-dirty" : "");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
