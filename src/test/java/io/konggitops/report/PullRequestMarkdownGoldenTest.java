package io.konggitops.report;

import io.konggitops.diff.Action;
import io.konggitops.diff.Cause;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Phase;
import io.konggitops.diff.Plan;
import io.konggitops.diff.PlanStep;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongState;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown PR comment of a fixed {@code diff --base-ref} plan with a Kong: the PR's own changes, then the drift
 * in Kong that is not from the PR, each change with its manifest and cause. Run with {@code -Dgolden.update=true}
 * to rewrite the expected file (then review the diff).
 */
class PullRequestMarkdownGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report/pull-request.md");
    private static final String BASE = "1111111111111111111111111111111111111111";
    private static final String HEAD = "2222222222222222222222222222222222222222";

    private static Change change(Action action, EntityType type, String label, String file, int line,
                                 List<FieldChange> fields, Cause cause) {
        return new Change(action, type, label, "id-" + label.hashCode(), null, null, fields,
                ObjectRef.of(type == EntityType.ROUTE ? "Ingress" : "Service", "shop", label.split(" ")[1]),
                Origin.of(file, line), null, cause);
    }

    private static Plan plan(List<Change> changes, int unchanged) {
        return new Plan(List.of(new PlanStep(Phase.CREATE_UPDATE, 0, changes)), unchanged, KongState.EMPTY, 0,
                List.of());
    }

    static RunReport report() {
        Plan pr = plan(List.of(
                change(Action.CREATE, EntityType.ROUTE, "routes shop.orders.orders-api.0.0", "shop/ingress-orders.yaml",
                        9, List.of(), Cause.GIT),
                change(Action.UPDATE, EntityType.SERVICE, "services shop.api.http", "shop/services.yaml", 14,
                        List.of(new FieldChange("retries", 3L, 5L, false)), Cause.GIT),
                change(Action.DELETE, EntityType.ROUTE, "routes shop.storefront.web.0.0",
                        "shop/ingress-storefront.yaml", 12, List.of(), Cause.GIT)), 18);
        Plan drift = plan(List.of(
                change(Action.UPDATE, EntityType.SERVICE, "services shop.web.80", "shop/services.yaml", 1,
                        List.of(new FieldChange("retries", 9L, 5L, false)), Cause.KONG),
                change(Action.UPDATE, EntityType.SERVICE, "services shop.orders.8080", "shop/services.yaml", 29,
                        List.of(new FieldChange("connect_timeout", 1000L, 5000L, false)), Cause.BOTH),
                change(Action.UPDATE, EntityType.UPSTREAM, "upstreams shop.web.80.svc", "shop/services.yaml", 1,
                        List.of(new FieldChange("slots", 100L, 10000L, false)), Cause.UNKNOWN)), 17);
        List<Problem> problems = List.of(Problem.warning(ObjectRef.of("Ingress", "shop", "legacy"),
                Origin.of("shop/legacy.yaml", 3), "ingress class 'nginx' is not translated", "set kong"));
        RunReport.KongInfo kong = new RunReport.KongInfo("http://kong:8001", "3.9.1", "postgres",
                "traditional_compatible");
        return RunReport.pullRequest("https://git.example/routing.git", kong, problems, pr,
                new RunReport.PullRequest(BASE, HEAD, drift));
    }

    @Test
    void theMarkdownOfAPullRequestWithDriftMatchesTheGoldenFile() throws IOException {
        String actual = Reports.render(report(), Reports.Format.MARKDOWN);
        if (UPDATE) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(GOLDEN)).as(GOLDEN + " exists (regenerate with -Dgolden.update=true)").isTrue();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void theGoldenFileHasThePrSectionBeforeTheDriftSectionAndACauseOnEveryChange() throws IOException {
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        int pr = golden.indexOf("#### This PR (base 111111111111 → head 222222222222)");
        int drift = golden.indexOf("#### Drift in Kong, not from this PR (live Kong vs base 111111111111)");
        assertThat(pr).isPositive();
        assertThat(drift).isGreaterThan(pr);
        assertThat(golden.substring(pr, drift)).contains("cause: git").doesNotContain("cause: kong");
        assertThat(golden.substring(drift)).contains("cause: kong", "cause: both", "cause: unknown")
                .doesNotContain("cause: git");
        assertThat(golden.lines().filter(l -> l.matches("^[-+!] (create|update|delete) .*")))
                .hasSize(6).allMatch(l -> l.contains("cause: "));
    }
}
