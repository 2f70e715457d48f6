package io.konggitops.translate;

import io.konggitops.kong.KongState;
import io.konggitops.problem.Problem;

import java.util.List;

/** What translation produced: the desired Kong state and the problems met (broken objects are left out of it). */
public record Translation(KongState desired, List<Problem> problems) {
    public Translation {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
