package io.konggitops.translate;

import io.konggitops.kong.KongState;
import io.konggitops.problem.Problem;
import io.konggitops.translate.gateway.status.GatewayApiStatus;

import java.util.List;

/**
 * What translation produced: the desired Kong state, the problems met (broken objects are left out of it), and the
 * Gateway API status a controller would write.
 */
public record Translation(KongState desired, List<Problem> problems, GatewayApiStatus gatewayStatus) {
    public Translation {
        problems = List.copyOf(problems);
        gatewayStatus = gatewayStatus == null ? GatewayApiStatus.EMPTY : gatewayStatus;
    }

    public Translation(KongState desired, List<Problem> problems) {
        this(desired, problems, GatewayApiStatus.EMPTY);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
