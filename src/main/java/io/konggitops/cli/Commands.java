package io.konggitops.cli;

import io.konggitops.apply.ApplyOptions;
import io.konggitops.apply.ApplyResult;
import io.konggitops.apply.Applier;
import io.konggitops.apply.DeletionGuard;
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

    Commands(JobConfig config, Map<String, String> env, PrintStream out, PrintStream err) {
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

    /** load → resolve → translate → problems. */
    private int validate() {
        Pipeline.Desired d = pipeline.desired(pipeline.flagTarget());
        long errors = d.problems().stream().filter(Problem::isError).count();
        out.println("kong-gitops validate: " + config.source().repo() + " @ " + d.commit() + ": "
                + d.translation().desired().size() + " Kong entities, " + errors + " error(s), "
                + (d.problems().size() - errors) + " other problem(s)");
        for (Problem p : d.problems()) {
            out.println("  " + p);
        }
        return errors > 0 ? Main.ERROR : Main.OK;
    }

    /** load → resolve → translate → read Kong (or a decK file) → diff → report. Exit 0 in sync, 2 drift. */
    private int diff(boolean dryRunOfReconcile) {
        if (config.kong().kongState() != null && !dryRunOfReconcile) {
            return diffAgainstFile(config.kong().kongState());
        }
        Pipeline.Resolved resolved = pipeline.resolve();
        try (KongAdmin admin = pipeline.admin()) {
            KongRoot root = admin.root();
            Pipeline.Desired d = pipeline.desired(resolved, root.target());
            if (stopped(d)) return Main.ERROR;
            Plan plan = plan(admin, root.target(), d.translation().desired());
            report(new RunReport(dryRunOfReconcile ? "reconcile --dry-run" : "diff", config.source().repo(),
                    d.commit(), kongInfo(root), d.problems(), plan, null));
            return plan.isEmpty() ? Main.OK : Main.DRIFT;
        }
    }

    private int diffAgainstFile(Path file) {
        KongTarget target = pipeline.flagTarget();
        Pipeline.Desired d = pipeline.desired(target);
        if (stopped(d)) return Main.ERROR;
        KongState live = owned(DeckReader.read(file));
        Plan plan = Differ.diff(d.translation().desired(), live, Schemas.builtin(target.routerFlavor()),
                diffOptions());
        RunReport.KongInfo kong = new RunReport.KongInfo(file.toString(), target.version(),
                target.dbless() ? "off" : "postgres", target.routerFlavor().value());
        report(new RunReport("diff", config.source().repo(), d.commit(), kong, d.problems(), plan, null));
        return plan.isEmpty() ? Main.OK : Main.DRIFT;
    }

    /** diff, then apply: DB mode entity by entity, DB-less with POST /config. */
    private int reconcile() {
        Pipeline.Resolved resolved = pipeline.resolve();
        try (KongAdmin admin = pipeline.admin()) {
            KongRoot root = admin.root();
            Pipeline.Desired d = pipeline.desired(resolved, root.target());
            if (stopped(d)) return Main.ERROR;
            if (d.loadFailed()) {
                printProblems(d.problems());
                err.println("kong-gitops: refusing to reconcile: some manifests could not be loaded, and nothing is "
                        + "deleted because its source failed to load. Fix them (see above) and run again.");
                return Main.ERROR;
            }
            Plan plan = plan(admin, root.target(), d.translation().desired());
            if (root.dbless() && !plan.isEmpty() && !config.sync().dblessReplaceUnowned()) {
                long unowned = unowned(admin, d.translation().desired());
                if (unowned > 0) {
                    report(new RunReport("reconcile", config.source().repo(), d.commit(), kongInfo(root),
                            d.problems(), plan, null));
                    err.println("kong-gitops: refused, nothing written: this Kong is DB-less, where POST /config "
                            + "replaces the whole configuration, and it has " + unowned + " entities without the "
                            + "select tag '" + config.translation().selectTag() + "' that would be deleted. Tag them, "
                            + "or pass --dbless-replace-unowned to let this job own the whole configuration.");
                    return Main.REFUSED;
                }
            }
            ApplyOptions options = ApplyOptions.defaults().withParallelism(config.sync().parallelism())
                    .withGuard(DeletionGuard.parse(config.sync().maxDeletions(), config.sync().allowEmpty()))
                    .withDbless(root.dbless());
            ApplyResult result = Applier.apply(plan, admin, options);
            report(new RunReport("reconcile", config.source().repo(), d.commit(), kongInfo(root), d.problems(), plan,
                    result));
            if (result.refused()) return Main.REFUSED;
            return result.succeeded() ? Main.OK : Main.ERROR;
        }
    }

    private Plan plan(KongAdmin admin, KongTarget target, KongState desired) {
        Set<EntityType> types = typesToRead(desired);
        KongState live = admin.read(types, List.of(config.translation().selectTag()));
        List<String> plugins = desired.of(EntityType.PLUGIN).map(KongEntity::name).distinct().sorted().toList();
        Schemas schemas = Schemas.fetch(admin, types, plugins, target.routerFlavor());
        return Differ.diff(desired, live, schemas, diffOptions());
    }

    /** How many entities this Kong has that do not carry the select tag (one untagged read). */
    private long unowned(KongAdmin admin, KongState desired) {
        String tag = config.translation().selectTag();
        return admin.read(typesToRead(desired), List.of()).entities().stream()
                .filter(e -> !(e.get("tags") instanceof List<?> tags && tags.contains(tag))).count();
    }

    /** Core kinds always; credential kinds only when wanted (their endpoints exist only with their plugins). */
    static Set<EntityType> typesToRead(KongState desired) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (EntityType t : EntityType.values()) {
            if (!t.isCredential() || desired.of(t).findAny().isPresent()) types.add(t);
        }
        return types;
    }

    /** A decK file stands for a live Kong: only entities carrying the select tag are ours. */
    private KongState owned(KongState state) {
        String tag = config.translation().selectTag();
        return new KongState(state.entities().stream()
                .filter(e -> e.get("tags") instanceof List<?> tags && tags.contains(tag)).toList());
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
        out.print(text);
        if (config.output().reportFile() != null) {
            write(config.output().reportFile(), text, null);
        }
    }

    /** {@code --on-invalid=fail} and there are errors: print every problem, the run ends with exit 1. */
    private boolean stopped(Pipeline.Desired d) {
        if (d.stop()) printProblems(d.problems());
        return d.stop();
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
