package io.konggitops.report;

import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.problem.Problem;

/** Human-readable report for a terminal or a CI log, in the spirit of {@code terraform plan} and {@code deck diff}. */
final class TextReport {
    private TextReport() {
    }

    static String render(RunReport r) {
        return render(r, false);
    }

    /** {@code color}: each change line in ANSI colour (creates green, updates yellow, deletes red), for a terminal. */
    static String render(RunReport r, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append("kong-gitops ").append(r.command()).append(": ").append(r.repo()).append(" @ ").append(r.commit())
                .append('\n');
        RunReport.KongInfo k = r.kong();
        sb.append("Kong: ").append(k.address());
        if (k.version() != null) {
            sb.append(" (").append(k.version()).append(", database ").append(k.database())
                    .append(", router ").append(k.routerFlavor()).append(')');
        }
        sb.append('\n');
        problems(sb, r);
        if (r.plan() == null) {
            sb.append('\n').append(outcome(r));
            return sb.toString();
        }
        if (r.pr() != null) sb.append('\n').append(Reports.prTitle(r.pr())).append(":\n");
        plan(sb, r.plan(), color);
        if (r.pr() != null && r.pr().kongDrift() != null) {
            sb.append('\n').append(Reports.driftTitle(r.pr())).append(":\n");
            plan(sb, r.pr().kongDrift(), color);
        }
        if (r.applied() != null) {
            sb.append('\n').append(appliedSection(r.applied()));
        }
        // the apply section already says why an apply was refused or failed
        if (r.applied() == null && (!r.outcome().reason().isEmpty() || r.outcome().status() == RunReport.Status.ERROR)) {
            sb.append('\n').append(outcome(r));
        }
        return sb.toString();
    }

    /** The summary line, each change with its source and cause, the plan's notes. */
    private static void plan(StringBuilder sb, Plan plan, boolean color) {
        sb.append('\n').append(Reports.summaryLine(plan.summary())).append('\n');
        for (Change c : plan.changes()) {
            if (color) sb.append(ansi(c));
            sb.append(symbol(c)).append(' ').append(Values.verb(c)).append(' ').append(c.label());
            if (color) sb.append(RESET);
            sb.append(Values.codeMarker(c));
            String src = Values.source(c);
            if (!src.isEmpty()) sb.append("  [").append(src).append(']');
            if (c.cause() != null) sb.append("  (cause: ").append(c.cause().value()).append(')');
            sb.append('\n');
            for (FieldChange f : c.fieldChanges()) {
                sb.append("    ").append(f.path()).append(": ").append(Values.before(f)).append(" -> ")
                        .append(Values.after(f)).append('\n');
            }
        }
        for (Problem w : plan.warnings()) {
            sb.append("  note: ").append(w).append('\n');
        }
    }

    /** {@code Refused, nothing written: reason} and the like. */
    private static String outcome(RunReport r) {
        String reason = r.outcome().reason();
        String text = switch (r.outcome().status()) {
            case REFUSED -> "Refused, nothing written";
            case ERROR -> r.plan() == null ? "Stopped before a plan was made" : "Stopped";
            case FAILED -> "Failed";
            case NOT_CONVERGED -> "Not converged";
            case APPLIED -> "Applied";
            case DRIFT -> "Drift found";
            case IN_SYNC -> "In sync";
        };
        return text + (reason.isEmpty() ? "" : ": " + reason) + "\n";
    }

    private static void problems(StringBuilder sb, RunReport r) {
        if (r.problems().isEmpty()) return;
        long errors = r.problems().stream().filter(Problem::isError).count();
        sb.append("Problems: ").append(errors).append(" error(s), ").append(r.problems().size() - errors)
                .append(" other\n");
        for (Problem p : r.problems()) {
            sb.append("  ").append(p).append('\n');
        }
    }

    /** What an apply did: counts, then each failure and skip. */
    static String appliedSection(ApplyResult a) {
        StringBuilder sb = new StringBuilder();
        switch (a.outcome()) {
            case NOTHING_TO_DO -> sb.append("Nothing to apply: Kong is in sync.\n");
            case REFUSED -> sb.append("Refused, nothing written: ").append(a.refusal().reason()).append('\n');
            default -> {
                boolean unproven = a.verified().isPresent() && !a.verified().get();
                sb.append(unproven ? "Written (acknowledged by Kong, not all in effect): " : "Applied: ")
                        .append(a.applied().size()).append(" change(s)");
                if (!a.failed().isEmpty()) sb.append(", failed: ").append(a.failed().size());
                if (!a.skipped().isEmpty()) sb.append(", skipped: ").append(a.skipped().size());
                if (!a.retries().isEmpty()) sb.append(", retries: ").append(a.retries().size());
                sb.append('\n');
                for (ApplyResult.Failure f : a.failed()) sb.append("  FAILED ").append(f.error()).append('\n');
                for (ApplyResult.Skipped s : a.skipped()) {
                    sb.append("  skipped ").append(Values.verb(s.change())).append(' ').append(s.change().label())
                            .append(": ").append(s.reason()).append('\n');
                }
                verification(sb, a.verification());
            }
        }
        return sb.toString();
    }

    /** What re-reading Kong after the writes showed; nothing when it was not re-read. */
    private static void verification(StringBuilder sb, ApplyResult.Verification v) {
        if (v == null) return;
        if (v.error() != null) {
            sb.append("NOT VERIFIED: ").append(v.error()).append('\n');
        } else if (v.converged()) {
            sb.append("Verified: Kong re-read after the writes has every acknowledged change in effect.\n");
        } else {
            sb.append("NOT CONVERGED: re-read after the writes, ").append(v.unconverged().size())
                    .append(v.unconverged().size() == 1 ? " entity still differs" : " entities still differ")
                    .append(" from the desired state:\n");
            for (String m : v.messages()) sb.append("  did not converge: ").append(m).append('\n');
        }
    }

    private static final String RESET = "\u001B[0m";

    private static String ansi(Change c) {
        return switch (c.action()) {
            case CREATE -> "\u001B[32m";
            case UPDATE -> "\u001B[33m";
            case DELETE -> "\u001B[31m";
        };
    }

    private static char symbol(Change c) {
        return switch (c.action()) {
            case CREATE -> '+';
            case UPDATE -> '~';
            case DELETE -> '-';
        };
    }
}
