package io.konggitops.cli;

import io.konggitops.apply.ApplyOptions;
import io.konggitops.apply.ApplyResult;
import io.konggitops.apply.Applier;
import io.konggitops.apply.DeletionGuard;
import io.konggitops.cluster.RunLease;
import io.konggitops.config.JobConfig;
import io.konggitops.diff.DiffOptions;
import io.konggitops.diff.Differ;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongRoot;
import io.konggitops.kong.KongState;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.deck.DeckReader;
import io.konggitops.kong.deck.DeckWriter;
import io.konggitops.metrics.Pushgateway;
import io.konggitops.metrics.RunMetrics;
import io.konggitops.problem.KongGitopsException;
import io.konggitops.problem.Problem;
import io.konggitops.report.Reports;
import io.konggitops.report.RunReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One recipe per command, listing its stages in order (load → resolve → translate → read Kong → diff → apply →
 * report). Stages return values; only this class and the report stage print.
 */
final class Commands {
    private final JobConfig config;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Pipeline pipeline;
    private final Ui ui;

    Commands(JobConfig config, Map<String, String> env, PrintStream out, PrintStream err) {
        this(config, env, out, err, Ui.NONE);
    }

    Commands(JobConfig config, Map<String, String> env, PrintStream out, PrintStream err, Ui ui) {
        this.ui = ui;
        this.config = config;
        this.env = env;
        this.out = out;
        this.err = err;
        this.pipeline = new Pipeline(config, env, err);
    }

    /** Runs one command; a failure that ends the run is a {@link KongGitopsException}, caught by {@link Main}. */
    int run(String command) {
        return switch (command) {
            case "render" -> render();
            case "validate" -> validate();
            case "diff" -> diff(false);
            case "reconcile" -> config.sync().dryRun() ? diff(true) : reconcile();
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    /** load → resolve → translate → decK file. */
    private int render() {
        Pipeline.Desired d = pipeline.desired(pipeline.flagTarget());
        // errors and warnings only: `validate` lists the notes too
        printProblems(d.problems().stream().filter(p -> p.severity() != io.konggitops.problem.Severity.INFO).toList());
        if (d.stop()) return Main.ERROR;
        DeckWriter.Format format = config.output().format().equals("json") ? DeckWriter.Format.JSON
                : DeckWriter.Format.YAML;
        String text = DeckWriter.write(d.translation().desired(), format, config.output().includeSecrets());
        if (format == DeckWriter.Format.YAML) {
            text = "# kong-gitops render: " + config.source().repo() + " @ " + d.commit() + "\n" + text;
        } else {
            err.println("kong-gitops render: " + config.source().repo() + " @ " + d.commit());
        }
        write(config.output().outputFile(), text, out);
        return Main.OK;
    }

    /**
     * load → resolve → translate → problems and the Gateway API status. With {@code --report json|markdown} (and
     * {@code --report-file}) the same as a report: no Kong, no plan, outcome {@code in-sync} or {@code error}.
     */
    private int validate() {
        Pipeline.Desired d = pipeline.desired(pipeline.flagTarget());
        long errors = d.problems().stream().filter(Problem::isError).count();
        Reports.Format format = Reports.Format.parse(config.output().report());
        if (format != Reports.Format.TEXT || config.output().reportFile() != null) {
            RunReport report = RunReport.stopped("validate", config.source().repo(), d.commit(),
                    new RunReport.KongInfo(null, null, null, null), d.problems(), null,
                    errors > 0 ? RunReport.Status.ERROR : RunReport.Status.IN_SYNC,
                    errors > 0 ? errors + " error(s) in the manifests (see the problems)" : "")
                    .withGatewayStatus(d.translation().gatewayStatus());
            if (format != Reports.Format.TEXT) {
                report(report);
                return errors > 0 ? Main.ERROR : Main.OK;
            }
            write(config.output().reportFile(), Reports.render(report, format), null);
        }
        out.println("kong-gitops validate: " + config.source().repo() + " @ " + d.commit() + ": "
                + d.translation().desired().size() + " Kong entities, " + errors + " error(s), "
                + (d.problems().size() - errors) + " other problem(s)");
        for (Problem p : d.problems()) {
            out.println("  " + p);
        }
        out.print(Reports.gatewayStatusText(d.translation().gatewayStatus(), ui.color()));
        return errors > 0 ? Main.ERROR : Main.OK;
    }

    /** load → resolve → translate → read Kong (or a decK file) → diff → report. Exit 0 in sync, 2 drift. */
    private int diff(boolean dryRunOfReconcile) {
        if (config.source().baseRef() != null && !dryRunOfReconcile) {
            return reporting(new Run("diff"), run -> new PullRequestDiff(config, pipeline).run(run.kong,
                    (commit, problems) -> {
                        run.commit = commit;
                        run.problems = problems;
                    }, run::report));
        }
        if (config.kong().kongState() != null && !dryRunOfReconcile) {
            return reporting(new Run("diff"), run -> diffAgainstFile(run, config.kong().kongState()));
        }
        return reporting(new Run(dryRunOfReconcile ? "reconcile --dry-run" : "diff"), run -> {
            Pipeline.Resolved resolved = pipeline.resolve();
            run.commit = resolved.manifests().commit();
            try (KongAdmin admin = pipeline.admin()) {
                KongRoot root = admin.root();
                run.kong = kongInfo(root);
                Pipeline.Desired d = pipeline.desired(resolved, root.target(), root.plugins());
                run.problems = d.problems();
                run.gatewayStatus = d.translation().gatewayStatus();
                if (stopped(run, d)) return Main.ERROR;
                Plan plan = plan(admin, root, d.translation().desired());
                run.report(new RunReport(run.command, config.source().repo(), d.commit(), run.kong, d.problems(), plan,
                        null));
                return plan.isEmpty() ? Main.OK : Main.DRIFT;
            }
        });
    }

    private int diffAgainstFile(Run run, Path file) {
        KongTarget target = pipeline.flagTarget();
        run.kong = new RunReport.KongInfo(file.toString(), target.version(), target.dbless() ? "off" : "postgres",
                target.routerFlavor().value());
        Pipeline.Desired d = pipeline.desired(target);
        run.commit = d.commit();
        run.problems = d.problems();
        run.gatewayStatus = d.translation().gatewayStatus();
        if (stopped(run, d)) return Main.ERROR;
        KongState live = owned(DeckReader.read(file));
        Plan plan = Differ.diff(d.translation().desired(), live, Schemas.builtin(target.routerFlavor()),
                diffOptions());
        run.report(new RunReport("diff", config.source().repo(), d.commit(), run.kong, d.problems(), plan, null));
        return plan.isEmpty() ? Main.OK : Main.DRIFT;
    }

    /** diff, then apply: DB mode entity by entity, DB-less with POST /config. */
    private int reconcile() {
        return reporting(new Run("reconcile"), run -> {
            Pipeline.Resolved resolved = pipeline.resolve();
            run.commit = resolved.manifests().commit();
            try (KongAdmin admin = pipeline.admin()) {
                KongRoot root = admin.root();
                run.kong = kongInfo(root);
                Pipeline.Desired d = pipeline.desired(resolved, root.target(), root.plugins());
                run.problems = d.problems();
                run.gatewayStatus = d.translation().gatewayStatus();
                if (stopped(run, d)) return Main.ERROR;
                if (d.loadFailed()) {
                    printProblems(d.problems());
                    String reason = "some manifests could not be loaded, and nothing is deleted because its source "
                            + "failed to load. Fix them (see the problems) and run again.";
                    run.report(run.stopped(null, RunReport.Status.REFUSED, reason));
                    err.println("kong-gitops: refusing to reconcile: " + reason);
                    return Main.ERROR;
                }
                RunLease lease;
                try {
                    lease = WriterLock.take(config, pipeline, env, err);
                } catch (RunLease.HeldException e) {
                    run.report(run.stopped(null, RunReport.Status.REFUSED, e.getMessage()));
                    err.println("kong-gitops: refused, nothing written: " + e.getMessage());
                    return Main.REFUSED;
                }
                try (lease) {
                    return apply(run, admin, root, d);
                }
            }
        });
    }

    /**
     * On a terminal, a plan that deletes asks first (the plan is printed on stderr, the answer must be y or yes);
     * {@code --yes}, a pipe or a CI log never asks.
     */
    private boolean confirmed(Plan plan) {
        int deletes = plan.summary().delete();
        if (deletes == 0 || ui.yes() || !ui.terminal().interactive()) return true;
        err.print(Reports.render(RunReport.stopped("reconcile", config.source().repo(), null,
                new RunReport.KongInfo(config.kong().adminUrl(), null, null, null), List.of(), plan,
                RunReport.Status.DRIFT, ""), Reports.Format.TEXT, ui.color()));
        String answer = ui.terminal().ask("Delete " + deletes + (deletes == 1 ? " entity" : " entities")
                + " from Kong and apply the plan above? [y/N] ");
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** Under the Lease (if any): plan against what Kong holds now, check the guards, apply, verify. */
    private int apply(Run run, KongAdmin admin, KongRoot root, Pipeline.Desired d) {
        Planned planned = planned(admin, root, d.translation().desired());
        Plan plan = planned.plan();
        if (root.dbless() && !plan.isEmpty() && !config.sync().dblessReplaceUnowned()) {
            String tag = config.translation().selectTag();
            List<KongEntity> unowned = DblessOwnership.unowned(
                    admin.read(typesToRead(d.translation().desired(), root), List.of()).entities(), tag);
            if (!unowned.isEmpty()) {
                String reason = DblessOwnership.refusal(unowned, tag);
                run.report(run.stopped(plan, RunReport.Status.REFUSED, reason));
                err.println("kong-gitops: refused, nothing written: " + reason);
                return Main.REFUSED;
            }
        }
        if (!confirmed(plan)) {
            String reason = "declined at the prompt to delete " + plan.summary().delete()
                    + " entities; nothing written (--yes skips the question)";
            run.report(run.stopped(plan, RunReport.Status.REFUSED, reason));
            err.println("kong-gitops: refused, nothing written: " + reason);
            return Main.REFUSED;
        }
        ApplyOptions options = ApplyOptions.defaults().withParallelism(config.sync().parallelism())
                .withGuard(DeletionGuard.parse(config.sync().maxDeletions(), config.sync().allowEmpty()))
                .withDbless(root.dbless()).withVerification(planned.schemas(), diffOptions());
        if (!root.dbless() && ui.progressBar(plan.changes().size())) {
            options = options.withProgress(new ProgressBar(err));
        }
        ApplyResult result = Applier.apply(plan, admin, options);
        run.report(new RunReport("reconcile", config.source().repo(), d.commit(), run.kong, d.problems(), plan,
                result));
        if (result.refused()) return Main.REFUSED;
        printUnverified(result);
        // what could be applied was; objects left out as invalid still make the run fail
        boolean invalid = d.problems().stream().anyMatch(Problem::isError);
        return result.succeeded() && !invalid ? Main.OK : Main.ERROR;
    }

    /** Each entity Kong did not converge on, or why the re-read failed, on stderr next to the report. */
    private void printUnverified(ApplyResult result) {
        ApplyResult.Verification v = result.verification();
        if (v == null || v.converged()) return;
        if (v.error() != null) {
            err.println("kong-gitops: " + v.error());
            return;
        }
        for (String m : v.messages()) {
            err.println("kong-gitops: did not converge: " + m);
        }
    }

    /** What a diff or reconcile knew so far, for the report of a run that stops on the way. */
    private final class Run {
        final String command;
        String commit;
        RunReport.KongInfo kong = new RunReport.KongInfo(config.kong().adminUrl(), null, null, null);
        List<Problem> problems = List.of();
        io.konggitops.translate.gateway.status.GatewayApiStatus gatewayStatus;
        boolean reported;
        RunReport last;
        final long started = System.nanoTime();

        Run(String command) {
            this.command = command;
        }

        /** Writes the report; a run reports once, even when writing the report is what fails. */
        void report(RunReport report) {
            if (report.gatewayStatus() == null && gatewayStatus != null) {
                report = report.withGatewayStatus(gatewayStatus);
            }
            reported = true;
            last = report;
            Commands.this.report(report);
        }

        RunReport stopped(Plan plan, RunReport.Status status, String reason) {
            return RunReport.stopped(command, config.source().repo(), commit, kong, problems, plan, status, reason);
        }
    }

    /**
     * Runs a diff or reconcile so that every way it ends writes the report asked for: a failure that ends the run
     * ({@link KongGitopsException}) is reported as {@code error} with its message, then rethrown for the exit code.
     */
    private int reporting(Run run, java.util.function.ToIntFunction<Run> body) {
        int exit = Main.ERROR;
        try {
            exit = body.applyAsInt(run);
            return exit;
        } catch (KongGitopsException e) {
            exit = e.exitCode();
            if (!run.reported) run.report(run.stopped(null, RunReport.Status.ERROR, e.getMessage()));
            throw e;
        } finally {
            pushMetrics(run, exit);
        }
    }

    /** {@code --pushgateway-url}: every run's metrics, whatever its end; a Pushgateway that is down only warns. */
    private void pushMetrics(Run run, int exit) {
        String url = config.metrics().pushgatewayUrl();
        if (url == null) return;
        RunMetrics metrics = RunMetrics.of(run.last, exit, config.translation().selectTag(),
                (System.nanoTime() - run.started) / 1e9, System.currentTimeMillis() / 1000.0);
        Pushgateway.push(url, metrics).ifPresent(w -> err.println("kong-gitops: warning: " + w));
    }

    private Plan plan(KongAdmin admin, KongRoot root, KongState desired) {
        return planned(admin, root, desired).plan();
    }

    /** A plan and the schemas it was made with (the verification after apply re-diffs with the same ones). */
    private record Planned(Plan plan, Schemas schemas) {
    }

    private Planned planned(KongAdmin admin, KongRoot root, KongState desired) {
        KongState live = admin.read(typesToRead(desired, root), List.of(config.translation().selectTag()));
        Schemas schemas = schemas(admin, root, desired);
        return new Planned(Differ.diff(desired, live, schemas, diffOptions()), schemas);
    }

    /** The schemas of this Kong for the kinds read and the plugins desired. */
    static Schemas schemas(KongAdmin admin, KongRoot root, KongState desired) {
        List<String> plugins = desired.of(EntityType.PLUGIN).map(KongEntity::name).distinct().sorted().toList();
        return Schemas.fetch(admin, typesToRead(desired, root), plugins, root.target().routerFlavor());
    }

    /**
     * Core kinds always; a credential kind when its plugin is available on this Kong ({@code GET /}
     * {@code plugins.available_on_server}; every kind when Kong does not say) or Git wants one. Reading a kind Git no
     * longer has is what lets its last owned credential be deleted; a collection that is not there (plugin not
     * installed) reads as empty.
     */
    static Set<EntityType> typesToRead(KongState desired, KongRoot root) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (EntityType t : EntityType.values()) {
            if (t.spec().requiredPlugin().isEmpty() || root.pluginAvailable(t.spec().requiredPlugin().get())
                    || desired.of(t).findAny().isPresent()) {
                types.add(t);
            }
        }
        return types;
    }

    /** A decK file stands for a live Kong: only entities carrying the select tag are ours. */
    private KongState owned(KongState state) {
        String tag = config.translation().selectTag();
        return new KongState(state.entities().stream()
                .filter(e -> e.get("tags") instanceof List<?> tags && tags.contains(tag)).toList());
    }

    static DiffOptions diffOptions(JobConfig config) {
        return new DiffOptions(List.of(config.translation().selectTag()), false);
    }

    private DiffOptions diffOptions() {
        return new DiffOptions(List.of(config.translation().selectTag()), false);
    }

    private RunReport.KongInfo kongInfo(KongRoot root) {
        return new RunReport.KongInfo(config.kong().adminUrl(), root.version(), root.database(),
                root.routerFlavor());
    }

    private void report(RunReport report) {
        Reports.Format format = Reports.Format.parse(config.output().report());
        String text = Reports.render(report, format);
        // -q with a report file: the file only; colour only on a terminal, never in the file
        if (!(ui.quiet() && config.output().reportFile() != null)) {
            out.print(format == Reports.Format.TEXT && ui.color() ? Reports.render(report, format, true) : text);
        }
        if (config.output().reportFile() != null) {
            write(config.output().reportFile(), text, null);
        }
    }

    /** {@code --on-invalid=fail} and there are errors: print every problem, the run ends with exit 1. */
    private boolean stopped(Pipeline.Desired d) {
        if (d.stop()) printProblems(d.problems());
        return d.stop();
    }

    /** As {@link #stopped(Pipeline.Desired)}, and the report says why nothing was planned. */
    private boolean stopped(Run run, Pipeline.Desired d) {
        if (!stopped(d)) return false;
        long errors = d.problems().stream().filter(Problem::isError).count();
        run.report(run.stopped(null, RunReport.Status.ERROR, "--on-invalid fail: " + errors + " error(s) in the "
                + "manifests (see the problems); nothing was planned or written"));
        return true;
    }

    private void printProblems(List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
        }
    }

    private static void write(Path file, String text, PrintStream orElse) {
        if (file == null) {
            orElse.print(text);
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KongGitopsException("cannot write " + file + ": " + e.getMessage()
                    + " (check the directory exists and is writable)", e);
        }
    }
}
