package io.konggitops.apply;

import io.konggitops.diff.Plan;

import java.util.Locale;

/**
 * Refuses plans that delete too much ({@code --max-deletions}): a count ({@code "5"}) or a percentage of the entities
 * managed now ({@code "30%"}). Without an explicit limit, 30% applies once at least 10 entities are managed. A plan
 * whose desired state is empty while Kong still has owned entities is refused unless {@code allowEmpty}: an empty
 * desired state is far more often a broken checkout than an intent.
 */
public record DeletionGuard(Integer maxCount, Integer maxPercent, boolean explicit, boolean allowEmpty) {
    static final int DEFAULT_PERCENT = 30;
    static final int DEFAULT_MIN_MANAGED = 10;

    public static DeletionGuard defaults() {
        return new DeletionGuard(null, DEFAULT_PERCENT, false, false);
    }

    /** Parses {@code --max-deletions}: {@code "5"} or {@code "30%"}; null or blank means the default. */
    public static DeletionGuard parse(String maxDeletions, boolean allowEmpty) {
        if (maxDeletions == null || maxDeletions.isBlank()) return new DeletionGuard(null, DEFAULT_PERCENT, false,
                allowEmpty);
        String s = maxDeletions.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("%")) {
                int p = Integer.parseInt(s.substring(0, s.length() - 1).trim());
                if (p < 0 || p > 100) throw new IllegalArgumentException(
                        "--max-deletions percentage must be between 0% and 100%, got " + maxDeletions);
                return new DeletionGuard(null, p, true, allowEmpty);
            }
            int n = Integer.parseInt(s);
            if (n < 0) throw new IllegalArgumentException("--max-deletions must not be negative, got " + maxDeletions);
            return new DeletionGuard(n, null, true, allowEmpty);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-deletions must be a count like 5 or a percentage like 30%, got '"
                    + maxDeletions + "'", e);
        }
    }

    public DeletionGuard allowingEmpty(boolean allow) {
        return new DeletionGuard(maxCount, maxPercent, explicit, allow);
    }

    public GuardVerdict check(Plan plan) {
        int deletions = plan.summary().delete();
        int managed = plan.liveCount();
        String limit = maxCount != null ? String.valueOf(maxCount) : maxPercent + "%";
        if (plan.desired().isEmpty() && managed > 0 && !allowEmpty) {
            return new GuardVerdict(false, deletions, managed, limit, "the desired state is empty and would delete all "
                    + managed + " managed entities; pass --allow-empty if that is intended");
        }
        if (maxCount != null && deletions > maxCount) {
            return new GuardVerdict(false, deletions, managed, limit, deletions + " deletions exceed --max-deletions "
                    + maxCount);
        }
        if (maxPercent != null && deletions > 0 && (explicit || managed >= DEFAULT_MIN_MANAGED)) {
            // deletions / managed > percent / 100, in integers
            if ((long) deletions * 100 > (long) maxPercent * managed) {
                return new GuardVerdict(false, deletions, managed, limit, deletions + " of " + managed
                        + " managed entities would be deleted, more than " + maxPercent + "%");
            }
        }
        boolean applies = maxCount != null || explicit || managed >= DEFAULT_MIN_MANAGED;
        return new GuardVerdict(true, deletions, managed, applies ? limit : "none", "");
    }
}
