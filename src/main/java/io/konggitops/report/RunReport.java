package io.konggitops.report;

import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Plan;
import io.konggitops.problem.Problem;
import io.konggitops.translate.gateway.status.GatewayApiStatus;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one {@code diff} or {@code reconcile} run has to say: where the manifests came from, which Kong it
 * compared with, the problems met, the plan and, for {@code reconcile}, what was applied, and how the run ended
 * ({@link Outcome}: also when it stopped before a plan, or a guard refused it). Renderers in {@link Reports} turn it
 * into text, Markdown or JSON; none of them ever prints a secret value.
 *
 * @param command   {@code diff} or {@code reconcile}
 * @param repo      the repository as given (credentials never appear in it: the source stage strips userinfo)
 * @param commit    resolved commit SHA
 * @param kong      where the live state came from
 * @param problems  translation and loading problems
 * @param plan      the plan; null when the run stopped before planning (see {@code outcome})
 * @param applied   the apply result, null for {@code diff}, dry runs and runs stopped before applying
 * @param outcome   how the run ended and why
 * @param pr        {@code diff --base-ref}: the base and head commits ({@code plan} is then base → head, the PR's
 *                  own changes) and the drift in Kong against the base; null otherwise
 * @param gatewayStatus the Gateway API status computed by translation (what a controller would write on Gateways and
 *                  routes); null when the run stopped before translating
 */
public record RunReport(String command, String repo, String commit, KongInfo kong, List<Problem> problems,
                        Plan plan, ApplyResult applied, Outcome outcome, PullRequest pr,
                        GatewayApiStatus gatewayStatus) {

    /**
     * What a pull request changes: {@code plan} of the report is base → head. {@code kongDrift}: live Kong against the
     * base, what differs in Kong that the PR did not cause; null when no Kong was asked.
     */
    public record PullRequest(String base, String head, Plan kongDrift) {
    }

    /** A run that is not a pull-request diff. */
    public RunReport(String command, String repo, String commit, KongInfo kong, List<Problem> problems,
                     Plan plan, ApplyResult applied, Outcome outcome) {
        this(command, repo, commit, kong, problems, plan, applied, outcome, null, null);
    }

    /** Without the Gateway API status (see {@link #withGatewayStatus}). */
    public RunReport(String command, String repo, String commit, KongInfo kong, List<Problem> problems,
                     Plan plan, ApplyResult applied, Outcome outcome, PullRequest pr) {
        this(command, repo, commit, kong, problems, plan, applied, outcome, pr, null);
    }

    /** The same report carrying the Gateway API status translation computed. */
    public RunReport withGatewayStatus(GatewayApiStatus status) {
        return new RunReport(command, repo, commit, kong, problems, plan, applied, outcome, pr, status);
    }

    /** {@code diff --base-ref}: the PR's plan (base → head) and, with a Kong, the drift against the base. */
    public static RunReport pullRequest(String repo, KongInfo kong, List<Problem> problems, Plan prPlan,
                                        PullRequest pr) {
        return new RunReport("diff", repo, pr.head(), kong, problems, prPlan, null, Outcome.of(prPlan, null), pr);
    }

    /** The Kong compared with: its address (or the decK file) and what {@code GET /} said. */
    public record KongInfo(String address, String version, String database, String routerFlavor) {
    }

    /** How a run ended. */
    public enum Status {
        /** Changes were written to Kong. */
        APPLIED,
        /** Kong already matched the desired state. */
        IN_SYNC,
        /** {@code diff}: Kong differs from the desired state. */
        DRIFT,
        /** A safety check refused the run; nothing was written (exit 3, or 1 when the input is incomplete). */
        REFUSED,
        /** Writing to Kong failed part-way. */
        FAILED,
        /** Kong acknowledged every write, but the re-read after applying shows it does not match (or failed). */
        NOT_CONVERGED,
        /** The run could not go on (invalid input with {@code --on-invalid fail}, Kong unreadable...). */
        ERROR;

        /** {@code in-sync}, {@code refused}... */
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The status and, unless the run simply succeeded, why: one sentence saying what happened and what to do. */
    public record Outcome(Status status, String reason) {
        public Outcome {
            Objects.requireNonNull(status, "status");
            reason = reason == null ? "" : reason;
        }

        /** The outcome of a complete diff or apply, from its plan and apply result. */
        public static Outcome of(Plan plan, ApplyResult applied) {
            if (applied == null) {
                return new Outcome(plan.isEmpty() ? Status.IN_SYNC : Status.DRIFT, "");
            }
            return switch (applied.outcome()) {
                case NOTHING_TO_DO -> new Outcome(Status.IN_SYNC, "");
                case APPLIED -> new Outcome(Status.APPLIED, "");
                case REFUSED -> new Outcome(Status.REFUSED, applied.refusal().reason());
                case FAILED -> new Outcome(Status.FAILED, applied.failed().size() + " change(s) failed, "
                        + applied.applied().size() + " applied, " + applied.skipped().size() + " skipped");
                case NOT_CONVERGED -> new Outcome(Status.NOT_CONVERGED, applied.verification().error() != null
                        ? "the writes could not be verified: " + applied.verification().error()
                        : plural(applied.verification().unconverged().size()) + " not converge: Kong "
                        + "acknowledged the writes but does not hold them");
                // an outcome added later is not a success unless mapped here
                default -> new Outcome(Status.FAILED, "apply ended " + applied.outcome().name()
                        .toLowerCase(Locale.ROOT).replace('_', ' '));
            };
        }
    }

    private static String plural(int n) {
        return n == 1 ? "1 entity did" : n + " entities did";
    }

    public RunReport {
        problems = List.copyOf(problems);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A run that planned (and maybe applied): the outcome follows from the plan and the apply result. */
    public RunReport(String command, String repo, String commit, KongInfo kong, List<Problem> problems, Plan plan,
                     ApplyResult applied) {
        this(command, repo, commit, kong, problems, Objects.requireNonNull(plan, "plan"), applied,
                Outcome.of(plan, applied));
    }

    /** A run that stopped or was refused before applying; {@code plan} may be null when it stopped before planning. */
    public static RunReport stopped(String command, String repo, String commit, KongInfo kong, List<Problem> problems,
                                    Plan plan, Status status, String reason) {
        return new RunReport(command, repo, commit, kong, problems, plan, null, new Outcome(status, reason));
    }

    public boolean drift() {
        return plan != null && !plan.isEmpty();
    }
}
