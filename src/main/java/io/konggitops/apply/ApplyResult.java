package io.konggitops.apply;

import io.konggitops.diff.Change;
import io.konggitops.diff.Plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did, exactly: the changes {@code applied} (in plan order: Kong acknowledged them), the ones that
 * {@code failed} with their wrapped error, the ones {@code skipped} with why, the retries made (with Retry-After
 * waits), when a guard refused the plan its verdict (then nothing was written), and the {@code verification}: what
 * re-reading Kong after the writes showed (null when it was not done: nothing written, or not asked for).
 */
public record ApplyResult(Outcome outcome, List<Change> applied, List<Failure> failed, List<Skipped> skipped,
                          List<Retry> retries, GuardVerdict refusal, Verification verification) {

    public enum Outcome {
        /** The plan was empty: no write. */
        NOTHING_TO_DO,
        /** Every change was applied. */
        APPLIED,
        /** At least one change failed; the rest is listed as applied or skipped. */
        FAILED,
        /** Kong acknowledged every write, but re-reading it shows entities that still differ from the desired state. */
        NOT_CONVERGED,
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

    /**
     * The re-read after the writes: {@code unconverged} lists what still differs from the desired state, as changes of
     * a fresh diff (entities whose own write failed or was skipped are not repeated here); {@code error} says why Kong
     * could not be re-read (then nothing is proven).
     */
    public record Verification(List<Change> unconverged, String error) {
        public Verification {
            unconverged = List.copyOf(unconverged);
        }

        public boolean converged() {
            return error == null && unconverged.isEmpty();
        }

        /** One line per entity that did not converge, e.g. {@code routes web: paths ["/x"] (wanted ["/"])}. */
        public List<String> messages() {
            return unconverged.stream().map(Verifier::describe).toList();
        }
    }

    public ApplyResult(Outcome outcome, List<Change> applied, List<Failure> failed, List<Skipped> skipped,
                       List<Retry> retries, GuardVerdict refusal) {
        this(outcome, applied, failed, skipped, retries, refusal, null);
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

    /** Every change was written and, when verified, Kong now equals the desired state (or there was nothing to do). */
    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.NOTHING_TO_DO;
    }

    /** True or false when Kong was re-read after the writes; empty when it was not. */
    public Optional<Boolean> verified() {
        return verification == null ? Optional.empty() : Optional.of(verification.converged());
    }

    /** This result with the verification; an all-applied outcome becomes {@link Outcome#NOT_CONVERGED} if it failed. */
    ApplyResult verifiedBy(Verification v, List<Retry> readRetries) {
        Outcome out = outcome == Outcome.APPLIED && !v.converged() ? Outcome.NOT_CONVERGED : outcome;
        List<Retry> all = new java.util.ArrayList<>(retries);
        all.addAll(readRetries);
        return new ApplyResult(out, applied, failed, skipped, all, refusal, v);
    }

    public Optional<GuardVerdict> guardVerdict() {
        return Optional.ofNullable(refusal);
    }
}
