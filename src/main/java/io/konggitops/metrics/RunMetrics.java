package io.konggitops.metrics;

import io.konggitops.diff.Plan;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.report.RunReport;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code diff} or {@code reconcile} run tells Prometheus. Built from the run's report (null when the run
 * ended before one could be made) and its exit code.
 *
 * @param selectTag       the select tag: with {@code job="kong-gitops"} it is the Pushgateway grouping key
 * @param durationSeconds wall time of the run
 * @param changes         planned changes by action ({@code create}, {@code update}, {@code delete}), every action
 *                        present (0 when none) so that a push replaces the previous run's counts
 * @param problems        problems by severity ({@code error}, {@code warning}, {@code info}), every severity present
 * @param drift           1 Kong differs from Git at the end of the run, 0 it does not; null = unknown (the run stopped
 *                        before a plan), then the metric is not pushed and the previous value stays
 * @param exitCode        the process exit code
 * @param success         exit code 0: only then is the last-success timestamp pushed
 * @param finishedAtSeconds Unix time the run ended
 */
public record RunMetrics(String selectTag, double durationSeconds, Map<String, Integer> changes,
                         Map<String, Integer> problems, Integer drift, int exitCode, boolean success,
                         double finishedAtSeconds) {

    public RunMetrics {
        changes = Map.copyOf(changes);
        problems = Map.copyOf(problems);
    }

    /** The metrics of a run ending with {@code exitCode}, from its report (may be null). */
    public static RunMetrics of(RunReport report, int exitCode, String selectTag, double durationSeconds,
                                double finishedAtSeconds) {
        Map<String, Integer> changes = new TreeMap<>(Map.of("create", 0, "update", 0, "delete", 0));
        Map<String, Integer> problems = new TreeMap<>();
        for (Severity s : Severity.values()) problems.put(s.name().toLowerCase(Locale.ROOT), 0);
        Integer drift = null;
        if (report != null) {
            for (Problem p : report.problems()) problems.merge(p.severity().name().toLowerCase(Locale.ROOT), 1,
                    Integer::sum);
            Plan plan = report.plan();
            if (plan != null) {
                Plan.Summary s = plan.summary();
                changes.put("create", s.create());
                changes.put("update", s.update());
                changes.put("delete", s.delete());
                drift = plan.isEmpty() || converged(report) ? 0 : 1;
            }
        }
        return new RunMetrics(selectTag, durationSeconds, changes, problems, drift, exitCode, exitCode == 0,
                finishedAtSeconds);
    }

    /** A reconcile that applied its plan (or had nothing to do) leaves Kong in sync. */
    private static boolean converged(RunReport report) {
        RunReport.Status status = report.outcome().status();
        return status == RunReport.Status.APPLIED || status == RunReport.Status.IN_SYNC;
    }
}
