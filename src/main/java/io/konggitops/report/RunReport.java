package io.konggitops.report;

import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Plan;
import io.konggitops.problem.Problem;

import java.util.List;

/**
 * Everything one {@code diff} or {@code reconcile} run has to say: where the manifests came from, which Kong it
 * compared with, the problems met, the plan and, for {@code reconcile}, what was applied. Renderers in
 * {@link Reports} turn it into text, Markdown or JSON; none of them ever prints a secret value.
 *
 * @param command   {@code diff} or {@code reconcile}
 * @param repo      the repository as given (credentials never appear in it: the source stage strips userinfo)
 * @param commit    resolved commit SHA
 * @param kong      where the live state came from
 * @param problems  translation and loading problems
 * @param plan      the plan (never null)
 * @param applied   the apply result, null for {@code diff} and dry runs
 */
public record RunReport(String command, String repo, String commit, KongInfo kong, List<Problem> problems,
                        Plan plan, ApplyResult applied) {

    /** The Kong compared with: its address (or the decK file) and what {@code GET /} said. */
    public record KongInfo(String address, String version, String database, String routerFlavor) {
    }

    public RunReport {
        problems = List.copyOf(problems);
    }

    public boolean drift() {
        return !plan.isEmpty();
    }
}
