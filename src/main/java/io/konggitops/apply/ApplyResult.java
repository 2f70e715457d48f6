package io.konggitops.apply;

import io.konggitops.diff.Change;
import io.konggitops.diff.Plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did, exactly: the changes {@code applied} (in plan order), the ones that {@code failed} with their
 * wrapped error, the ones {@code skipped} with why, the retries made (with Retry-After waits), and, when a guard
 * refused the plan, its verdict (then nothing was written).
 */
public record ApplyResult(Outcome outcome, List<Change> applied, List<Failure> failed, List<Skipped> skipped,
                          List<Retry> retries, GuardVerdict refusal) {

    public enum Outcome {
        /** The plan was empty: no write. */
        NOTHING_TO_DO,
        /** Every change was applied. */
        APPLIED,
        /** At least one change failed; the rest is listed as applied or skipped. */
        FAILED,
        /** A safety guard refused the plan; nothing was written (CLI exit 3). */
        REFUSED
    }

    /** {@code change} is null for a failed DB-less {@code POST /config}. */
    public record Failure(Change change, ApplyError error) {
    }

    public record Skipped(Change change, String reason) {
    }

    /** A retried attempt: what, which attempt failed, with which status, and how long was waited. */
    public record Retry(String label, int attempt, int status, Duration delay, boolean retryAfter) {
    }

    public ApplyResult {
        applied = List.copyOf(applied);
        failed = List.copyOf(failed);
        skipped = List.copyOf(skipped);
        retries = List.copyOf(retries);
    }

    static ApplyResult nothingToDo() {
        return new ApplyResult(Outcome.NOTHING_TO_DO, List.of(), List.of(), List.of(), List.of(), null);
    }

    static ApplyResult refused(GuardVerdict verdict, Plan plan) {
        List<Skipped> skipped = plan.changes().stream()
                .map(c -> new Skipped(c, "refused by the deletion guard: " + verdict.reason())).toList();
        return new ApplyResult(Outcome.REFUSED, List.of(), List.of(), skipped, List.of(), verdict);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.NOTHING_TO_DO;
    }

    public Optional<GuardVerdict> guardVerdict() {
        return Optional.ofNullable(refusal);
    }
}
