package io.konggitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.diff.Plan;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report says how the run ended and why, also when it stopped before a plan was made. */
class RunReportOutcomeTest {
    private static final RunReport.KongInfo KONG = new RunReport.KongInfo("http://kong:8001", null, null, null);
    private static final List<Problem> PROBLEMS = List.of(Problem.error(null, Origin.of("shop/broken.yaml", 1),
            "not valid YAML", "fix the file"));

    private static RunReport stopped() {
        return RunReport.stopped("reconcile", "repo", "abc", KONG, PROBLEMS, null, RunReport.Status.REFUSED,
                "some manifests could not be loaded");
    }

    @Test
    void jsonCarriesTheOutcomeAndNoSummaryWhenThereIsNoPlan() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Reports.render(stopped(), Reports.Format.JSON));

        assertThat(json.at("/outcome/status").asText()).isEqualTo("refused");
        assertThat(json.at("/outcome/reason").asText()).isEqualTo("some manifests could not be loaded");
        assertThat(json.get("summary").isNull()).isTrue();
        assertThat(json.get("changes")).isEmpty();
        assertThat(json.get("drift").asBoolean()).isFalse();
        assertThat(json.get("problems")).hasSize(1);
        assertThat(json.get("applied").isNull()).isTrue();
    }

    @Test
    void textAndMarkdownSayWhyNothingWasPlanned() {
        assertThat(Reports.render(stopped(), Reports.Format.TEXT))
                .contains("ERROR shop/broken.yaml:1: not valid YAML (fix the file)")
                .endsWith("Refused, nothing written: some manifests could not be loaded\n");
        assertThat(Reports.render(stopped(), Reports.Format.MARKDOWN))
                .startsWith("### kong-gitops reconcile: refused\n")
                .contains("> **refused**: some manifests could not be loaded")
                .contains("**No plan was made.**").contains("#### Problems (1)");
    }

    @Test
    void aCompletePlanHasADriftOrInSyncOutcomeAndItsWarningsInEveryFormat() throws Exception {
        Plan drift = MarkdownReportCapTest.plan(1, 0, 1);
        RunReport r = new RunReport("diff", "repo", "abc", KONG, List.of(), drift, null);

        assertThat(r.outcome()).isEqualTo(new RunReport.Outcome(RunReport.Status.DRIFT, ""));
        JsonNode json = new ObjectMapper().readTree(Reports.render(r, Reports.Format.JSON));
        assertThat(json.at("/outcome/status").asText()).isEqualTo("drift");
        assertThat(json.get("problems").toString()).contains("request_buffering");
        assertThat(Reports.render(r, Reports.Format.TEXT)).contains("note: WARNING").contains("request_buffering");

        Plan empty = MarkdownReportCapTest.plan(0, 0, 0);
        assertThat(new RunReport("diff", "repo", "abc", KONG, List.of(), empty, null).outcome().status())
                .isEqualTo(RunReport.Status.IN_SYNC);
        assertThat(RunReport.Status.IN_SYNC.value()).isEqualTo("in-sync");
    }

    @Test
    void problemsWithoutAnObjectStillRender() {
        Problem p = Problem.warning(ObjectRef.of("Ingress", "shop", "web"), null, "a|b", "");
        RunReport r = RunReport.stopped("diff", "repo", "abc", KONG, List.of(p), null, RunReport.Status.ERROR,
                "--on-invalid fail");
        assertThat(Reports.render(r, Reports.Format.MARKDOWN)).contains("| WARNING |  | Ingress shop/web | a\\|b |");
        assertThat(Reports.render(r, Reports.Format.TEXT)).contains("Stopped before a plan was made: --on-invalid fail");
    }
}
