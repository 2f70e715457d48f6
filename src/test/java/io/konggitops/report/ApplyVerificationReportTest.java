package io.konggitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Action;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Phase;
import io.konggitops.diff.Plan;
import io.konggitops.diff.PlanStep;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How each report format tells a verified apply from one whose re-read shows Kong still differs. */
class ApplyVerificationReportTest {
    private static final Change ROUTE = new Change(Action.UPDATE, EntityType.ROUTE, "routes web", "r-1", null, null,
            List.of(new FieldChange("paths", List.of("/drift"), List.of("/"), false)), null, null, null);
    private static final Change CERT = new Change(Action.UPDATE, EntityType.CERTIFICATE, "certificates c", "c-1",
            null, null, List.of(new FieldChange("key", "OLD-SECRET", "NEW-SECRET", true)), null, null, null);
    private static final Plan PLAN = new Plan(List.of(new PlanStep(Phase.CREATE_UPDATE, 1, List.of(ROUTE, CERT))), 0,
            new KongState(List.of()), 2, List.of());

    private static RunReport report(ApplyResult.Outcome outcome, ApplyResult.Verification v) {
        ApplyResult result = new ApplyResult(outcome, List.of(ROUTE, CERT), List.of(), List.of(), List.of(), null, v);
        return new RunReport("reconcile", "repo", "abc", new RunReport.KongInfo("http://kong", "3.9.1", "postgres",
                "traditional_compatible"), List.of(), PLAN, result);
    }

    private static final RunReport UNCONVERGED = report(ApplyResult.Outcome.NOT_CONVERGED,
            new ApplyResult.Verification(List.of(ROUTE, CERT), null));
    private static final RunReport VERIFIED = report(ApplyResult.Outcome.APPLIED,
            new ApplyResult.Verification(List.of(), null));

    @Test
    void textSaysNotConvergedPerEntityAndNeverSaysApplied() {
        String text = Reports.render(UNCONVERGED, Reports.Format.TEXT);

        assertThat(text).contains("Written (acknowledged by Kong, not all in effect): 2 change(s)",
                "NOT CONVERGED: re-read after the writes, 2 entities still differ from the desired state:",
                "  did not converge: routes web: paths [\"/drift\"] (wanted [\"/\"])",
                "  did not converge: certificates c: key differs (sensitive value)");
        assertThat(text).doesNotContain("Applied:", "SECRET");
    }

    @Test
    void jsonCarriesVerifiedFalseAndTheUnconvergedChanges() throws Exception {
        JsonNode applied = new ObjectMapper().readTree(Reports.render(UNCONVERGED, Reports.Format.JSON))
                .path("applied");

        assertThat(applied.path("outcome").asText()).isEqualTo("not_converged");
        assertThat(applied.path("verified").isBoolean()).isTrue();
        assertThat(applied.path("verified").asBoolean()).isFalse();
        assertThat(applied.path("unconverged")).hasSize(2);
        assertThat(applied.at("/unconverged/0/message").asText())
                .isEqualTo("did not converge: routes web: paths [\"/drift\"] (wanted [\"/\"])");
        assertThat(applied.at("/unconverged/0/fields/0/before/0").asText()).isEqualTo("/drift");
        assertThat(applied.at("/unconverged/1/fields/0/sensitive").asBoolean()).isTrue();
        assertThat(applied.toString()).doesNotContain("SECRET");
    }

    @Test
    void markdownHeadsTheApplySectionNotConverged() {
        String md = Reports.render(UNCONVERGED, Reports.Format.MARKDOWN);

        assertThat(md).contains("#### Apply: NOT CONVERGED", "did not converge: routes web").doesNotContain(
                "#### Applied");
    }

    @Test
    void aVerifiedApplySaysSoInEveryFormat() throws Exception {
        assertThat(Reports.render(VERIFIED, Reports.Format.TEXT)).contains("Applied: 2 change(s)", "Verified:");
        assertThat(Reports.render(VERIFIED, Reports.Format.MARKDOWN)).contains("#### Applied", "Verified:");
        JsonNode applied = new ObjectMapper().readTree(Reports.render(VERIFIED, Reports.Format.JSON)).path("applied");
        assertThat(applied.path("verified").asBoolean()).isTrue();
        assertThat(applied.path("unconverged")).isEmpty();
    }

    @Test
    void aReReadThatFailedIsReportedAsNotVerified() throws Exception {
        RunReport r = report(ApplyResult.Outcome.NOT_CONVERGED,
                new ApplyResult.Verification(List.of(), "could not re-read Kong to verify the writes: HTTP 503"));

        assertThat(Reports.render(r, Reports.Format.TEXT))
                .contains("NOT VERIFIED: could not re-read Kong to verify the writes: HTTP 503");
        JsonNode applied = new ObjectMapper().readTree(Reports.render(r, Reports.Format.JSON)).path("applied");
        assertThat(applied.path("verified").asBoolean(true)).isFalse();
        assertThat(applied.path("verification_error").asText()).contains("HTTP 503");
    }
}
