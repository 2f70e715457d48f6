package io.konggitops.diff;

import java.util.List;

/** The changes of one dependency level in one phase; they may be applied in parallel. */
public record PlanStep(Phase phase, int level, List<Change> changes) {
    public PlanStep {
        changes = List.copyOf(changes);
    }
}
