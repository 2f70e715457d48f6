package io.konggitops.cli;

import io.konggitops.config.JobConfig;
import io.konggitops.diff.Cause;
import io.konggitops.diff.Differ;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongRoot;
import io.konggitops.kong.KongState;
import io.konggitops.kong.KongTarget;
import io.konggitops.problem.Problem;
import io.konggitops.report.RunReport;
import io.konggitops.source.ManifestSource;
import io.konggitops.source.Revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code diff --base-ref REF}: what a pull request changes. Both commits come from one clone; each is translated as
 * {@code render} would, and the base's desired state stands in for a live Kong in the same {@link Differ}, so the
 * plan lists the PR's own changes (each {@code git}), creates and updates at their head manifest, deletes at their
 * base manifest. No Kong is needed. With {@code --kong-admin-url}, translation and schemas follow that Kong, and the
 * live state is also diffed against the base: the drift in Kong that is not from this PR, with its causes. The exit
 * code says whether the PR changes Kong (2) or not (0); drift outside the PR is reported, not failed on.
 */
final class PullRequestDiff {
    private final JobConfig config;
    private final Pipeline pipeline;

    PullRequestDiff(JobConfig config, Pipeline pipeline) {
        this.config = config;
        this.pipeline = pipeline;
    }

    /** {@code known}: the head commit and problems as soon as they are known (for a report of a run that fails). */
    int run(RunReport.KongInfo noKong, BiConsumer<String, List<Problem>> known, Consumer<RunReport> report) {
        if (config.kong().kongState() != null) {
            throw new Pipeline.StopException("--base-ref compares two commits (and a live Kong with "
                    + "--kong-admin-url), not a decK file: drop --kong-state");
        }
        Revisions revisions = ManifestSource.loadWithBase(pipeline.sourceSpec(), config.source().baseRef());
        Pipeline.Resolved head = new Pipeline.Resolved(revisions.head(), pipeline.clusterView(revisions.head()));
        Pipeline.Resolved base = new Pipeline.Resolved(revisions.base(), pipeline.clusterView(revisions.base()));
        known.accept(revisions.head().commit(), revisions.head().problems());
        if (config.kong().adminUrl() == null) {
            KongTarget target = pipeline.flagTarget();
            RunReport.KongInfo info = new RunReport.KongInfo("none (base " + revisions.base().commit() + ")",
                    target.version(), target.dbless() ? "off" : "postgres", target.routerFlavor().value());
            return compare(head, base, target, Schemas.builtin(target.routerFlavor()), null, info, known, report);
        }
        try (KongAdmin admin = pipeline.admin()) {
            KongRoot root = admin.root();
            RunReport.KongInfo info = new RunReport.KongInfo(config.kong().adminUrl(), root.version(),
                    root.database(), root.routerFlavor());
            return compare(head, base, root.target(), null, new Live(admin, root), info, known, report);
        }
    }

    private record Live(KongAdmin admin, KongRoot root) {
    }

    private int compare(Pipeline.Resolved headSource, Pipeline.Resolved baseSource, KongTarget target,
                        Schemas offline, Live live, RunReport.KongInfo info,
                        BiConsumer<String, List<Problem>> known, Consumer<RunReport> report) {
        Pipeline.Desired head = pipeline.desired(headSource, target);
        Pipeline.Desired base = pipeline.desired(baseSource, target);
        List<Problem> problems = new ArrayList<>(head.problems());
        if (base.loadFailed()) {
            problems.add(Problem.warning(io.konggitops.problem.ObjectRef.of("Git", "", "base "
                    + base.commit()), null, "some manifests could not be loaded at the base commit",
                    "entities from them show as created by this PR"));
        }
        known.accept(head.commit(), problems);
        if (head.stop()) {
            long errors = head.problems().stream().filter(Problem::isError).count();
            report.accept(RunReport.stopped("diff", config.source().repo(), head.commit(), info, problems, null,
                    RunReport.Status.ERROR, "--on-invalid fail: " + errors + " error(s) in the manifests (see the "
                            + "problems); nothing was planned"));
            return Main.ERROR;
        }
        KongState headState = head.translation().desired();
        KongState baseState = owned(base.translation().desired());
        Schemas schemas = live == null ? offline : Commands.schemas(live.admin(), live.root(),
                union(headState, baseState));
        Plan pr = Differ.diff(headState, baseState, schemas, Commands.diffOptions(config)).withCause(Cause.GIT);
        Plan drift = null;
        if (live != null) {
            KongState kong = live.admin().read(Commands.typesToRead(union(headState, baseState), live.root()),
                    List.of(config.translation().selectTag()));
            drift = Differ.diff(base.translation().desired(), kong, schemas, Commands.diffOptions(config));
        }
        report.accept(RunReport.pullRequest(config.source().repo(), info, problems, pr,
                new RunReport.PullRequest(base.commit(), head.commit(), drift)));
        return pr.isEmpty() ? Main.OK : Main.DRIFT;
    }

    /** The base as a Kong the job manages: every entity carries the select tag, as it would once applied. */
    private KongState owned(KongState state) {
        String tag = config.translation().selectTag();
        List<KongEntity> out = new ArrayList<>();
        for (KongEntity e : state.entities()) {
            List<Object> tags = new ArrayList<>();
            if (e.get("tags") instanceof List<?> t) tags.addAll(t);
            if (!tags.contains(tag)) tags.add(tag);
            out.add(e.with("tags", tags));
        }
        return new KongState(out);
    }

    private static KongState union(KongState a, KongState b) {
        List<KongEntity> all = new ArrayList<>(a.entities());
        all.addAll(b.entities());
        return new KongState(all);
    }
}
