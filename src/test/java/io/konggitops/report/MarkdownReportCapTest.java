package io.konggitops.report;

import io.konggitops.diff.Action;
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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report is a pull-request comment: it never exceeds GitHub's limit and says what it leaves out. */
class MarkdownReportCapTest {
    private static final RunReport.KongInfo KONG = new RunReport.KongInfo("http://kong:8001", "3.9.1", "postgres",
            "traditional_compatible");

    static Plan plan(int services, int routes, int warnings) {
        List<Change> creates = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            creates.add(change(Action.CREATE, EntityType.SERVICE, i));
        }
        List<Change> updates = new ArrayList<>();
        for (int i = 0; i < routes; i++) {
            updates.add(new Change(Action.UPDATE, EntityType.ROUTE, String.format("routes shop.web.%05d", i),
                    "id-" + i, null, null, List.of(new FieldChange("paths", List.of("/old"), List.of("/new"), false)),
                    ObjectRef.of("Ingress", "shop", "web-" + i), Origin.of("shop/ingress.yaml", i + 1), null));
        }
        List<Problem> notes = new ArrayList<>();
        for (int i = 0; i < warnings; i++) {
            notes.add(Problem.warning(ObjectRef.of("Ingress", "shop", "web-" + i), Origin.of("shop/ingress.yaml", i),
                    "field 'request_buffering' is unknown to this Kong and was dropped", "upgrade Kong"));
        }
        return new Plan(List.of(new PlanStep(Phase.CREATE_UPDATE, 0, creates), new PlanStep(Phase.CREATE_UPDATE, 1,
                updates)), 7, KongState.EMPTY, 0, notes);
    }

    private static Change change(Action action, EntityType type, int i) {
        return new Change(action, type, String.format("services shop.web.%05d", i), "id-" + i, null, null, List.of(),
                ObjectRef.of("Ingress", "shop", "web-" + i), Origin.of("shop/ingress.yaml", i + 1), null);
    }

    private static RunReport report(Plan plan, List<Problem> problems) {
        return new RunReport("diff", "https://git.example/routing.git", "abc123", KONG, problems, plan, null);
    }

    @Test
    void aHugePlanListsAsManyChangesAsFitInOneCommentInPlanOrderAndCountsTheRest() {
        Plan plan = plan(20_000, 15_000, 0);

        String md = Reports.render(report(plan, List.of()), Reports.Format.MARKDOWN);

        assertThat(md.length()).isLessThanOrEqualTo(65_535).isGreaterThan(60_000);
        List<String> listed = listedLabels(md);
        assertThat(listed).hasSizeGreaterThan(500);
        // a prefix of the stable order: services first, in plan order
        for (int i = 0; i < listed.size(); i++) {
            assertThat(listed.get(i)).isEqualTo(String.format("services shop.web.%05d", i));
        }
        assertThat(md).contains("**Plan: 20000 to create, 15000 to update, 0 to delete (7 unchanged).**")
                .contains("| services | 20000 | 0 | 0 |").contains("| routes | 0 | 15000 | 0 |")
                .contains("> " + listed.size() + " of 35000 changes are listed, " + (35_000 - listed.size())
                        + " left out to fit in one comment; the full report: `--report json --report-file FILE`");
        assertThat(md).contains("# ... " + (20_000 - listed.size()) + " more services change(s) not listed");
        assertThat(md.indexOf("<details>")).isPositive();
        assertThat(count(md, "<details>")).isEqualTo(count(md, "</details>")).isEqualTo(1);
        assertThat(count(md, "```")).isEven();
    }

    @Test
    void aPlanThatFitsIsListedInFullWithItsWarnings() {
        Plan plan = plan(3, 2, 2);

        String md = Reports.render(report(plan, List.of()), Reports.Format.MARKDOWN);

        assertThat(md).startsWith("### kong-gitops diff: drift found\n\n")
                .contains("+ create services shop.web.00000   # shop/ingress.yaml:1 Ingress shop/web-0\n")
                .contains("! update routes shop.web.00001   # shop/ingress.yaml:2 Ingress shop/web-1\n"
                        + "-   paths: [\"/old\"]\n+   paths: [\"/new\"]\n")
                .contains("#### Warnings (2)")
                .contains("| WARNING | `shop/ingress.yaml:1` | Ingress shop/web-1 | field 'request_buffering' is "
                        + "unknown to this Kong and was dropped — upgrade Kong |")
                .doesNotContain("left out");
        assertThat(listedLabels(md)).hasSize(5);
    }

    @Test
    void hugeProblemAndWarningListsAreCappedTooAndTheChangesStillGetMostOfTheRoom() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            problems.add(Problem.error(ObjectRef.of("Ingress", "shop", "broken-" + i), Origin.of("shop/bad.yaml", i),
                    "backend service 'missing' does not exist", "create the Service or fix the backend"));
        }
        Plan plan = plan(20_000, 0, 20_000);

        String md = Reports.render(report(plan, problems), Reports.Format.MARKDOWN);

        assertThat(md.length()).isLessThanOrEqualTo(65_535);
        assertThat(md).contains("#### Warnings (20000)").contains("#### Problems (20000)");
        Matcher w = Pattern.compile("> (\\d+) more warnings left out").matcher(md);
        Matcher p = Pattern.compile("> (\\d+) more problems left out").matcher(md);
        assertThat(w.find()).isTrue();
        assertThat(p.find()).isTrue();
        assertThat(Integer.parseInt(w.group(1))).isBetween(19_000, 19_999);
        assertThat(Integer.parseInt(p.group(1))).isBetween(19_000, 19_999);
        assertThat(listedLabels(md).size()).isGreaterThan(300);
    }

    private static List<String> listedLabels(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^[+!-] (?:create|update|delete) (\\S+ \\S+)").matcher(md);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
