package io.konggitops.diff;

import io.konggitops.kong.KongState;
import io.konggitops.problem.Problem;

import java.util.List;

/**
 * What it takes to make the owned part of Kong equal the desired state: ordered {@link PlanStep}s (phase, then
 * dependency level), the number of desired entities already in sync, the desired state itself (for DB-less
 * {@code POST /config}), how many owned entities Kong has now, and warnings (e.g. desired fields this Kong does not
 * know, which were dropped).
 */
public record Plan(List<PlanStep> steps, int unchanged, KongState desired, int liveCount, List<Problem> warnings) {

    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public record Summary(int create, int update, int delete, int unchanged) {
        public int changes() {
            return create + update + delete;
        }
    }

    /** The same plan with every change attributed to {@code cause} (a diff between two Git commits: all git). */
    public Plan withCause(Cause cause) {
        List<PlanStep> out = steps.stream().map(s -> new PlanStep(s.phase(), s.level(),
                s.changes().stream().map(c -> c.withCause(cause)).toList())).toList();
        return new Plan(out, unchanged, desired, liveCount, warnings);
    }

    /** Every change in execution order. */
    public List<Change> changes() {
        return steps.stream().flatMap(s -> s.changes().stream()).toList();
    }

    public boolean isEmpty() {
        return steps.stream().allMatch(s -> s.changes().isEmpty());
    }

    public Summary summary() {
        int c = 0, u = 0, d = 0;
        for (Change ch : changes()) {
            switch (ch.action()) {
                case CREATE -> c++;
                case UPDATE -> u++;
                case DELETE -> d++;
            }
        }
        return new Summary(c, u, d, unchanged);
    }
}
