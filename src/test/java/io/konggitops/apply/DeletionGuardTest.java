package io.konggitops.apply;

import io.konggitops.diff.Plan;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.testing.kong.DoubleAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.konggitops.apply.KongFixtures.service;
import static io.konggitops.diff.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletionGuardTest {
    private final DoubleAdmin kong = DoubleAdmin.start();

    @AfterEach
    void stop() {
        kong.close();
    }

    /** Kong holds {@code managed} owned services; the desired state keeps the first {@code kept}. */
    private Plan planKeeping(int managed, int kept) {
        List<KongEntity> all = new ArrayList<>();
        for (int i = 0; i < managed; i++) all.add(service("s" + i, "svc-" + i));
        Kong.sync(state(all), kong.client());
        return Kong.plan(state(all.subList(0, kept)), kong.client());
    }

    @Test
    void maxDeletionsParsesACountOrAPercentage() {
        assertThat(DeletionGuard.parse("5", false)).isEqualTo(new DeletionGuard(5, null, true, false));
        assertThat(DeletionGuard.parse(" 30% ", true)).isEqualTo(new DeletionGuard(null, 30, true, true));
        assertThat(DeletionGuard.parse(null, false)).isEqualTo(DeletionGuard.defaults());
        assertThatThrownBy(() -> DeletionGuard.parse("lots", false)).hasMessageContaining("count like 5");
        assertThatThrownBy(() -> DeletionGuard.parse("150%", false)).hasMessageContaining("between 0% and 100%");
    }

    @Test
    void theDefaultThirtyPercentAppliesOnceTenEntitiesAreManaged() {
        assertThat(DeletionGuard.defaults().check(planKeeping(9, 4)).allowed()).isTrue();
        try (DoubleAdmin other = DoubleAdmin.start()) {
            List<KongEntity> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) ten.add(service("s" + i, "svc-" + i));
            Kong.sync(state(ten), other.client());

            GuardVerdict three = DeletionGuard.defaults().check(Kong.plan(state(ten.subList(0, 7)), other.client()));
            GuardVerdict four = DeletionGuard.defaults().check(Kong.plan(state(ten.subList(0, 6)), other.client()));

            assertThat(three.allowed()).isTrue();
            assertThat(four).isEqualTo(new GuardVerdict(false, 4, 10, "30%",
                    "4 of 10 managed entities would be deleted, more than 30%"));
        }
    }

    @Test
    void anExplicitCountOrPercentageAppliesAtAnySize() {
        Plan plan = planKeeping(4, 1);

        assertThat(DeletionGuard.parse("2", false).check(plan).reason()).isEqualTo("3 deletions exceed --max-deletions 2");
        assertThat(DeletionGuard.parse("3", false).check(plan).allowed()).isTrue();
        assertThat(DeletionGuard.parse("50%", false).check(plan).allowed()).isFalse();
        assertThat(DeletionGuard.parse("75%", false).check(plan).allowed()).isTrue();
    }

    @Test
    void anEmptyDesiredStateIsRefusedUnlessAllowed() {
        Plan plan = planKeeping(2, 0);

        GuardVerdict refused = DeletionGuard.parse("100%", false).check(plan);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).contains("desired state is empty").contains("--allow-empty");
        assertThat(DeletionGuard.parse("100%", true).check(plan).allowed()).isTrue();
    }

    @Test
    void aRefusedPlanWritesNothingAndSaysWhy() {
        Plan plan = planKeeping(12, 2);
        int writesBefore = kong.writes().size();

        ApplyResult result = Applier.apply(plan, kong.client(), Kong.options(new Kong.RecordingSleeper()));

        assertThat(result.refused()).isTrue();
        assertThat(kong.writes()).hasSize(writesBefore);
        assertThat(result.applied()).isEmpty();
        assertThat(result.skipped()).hasSize(10);
        assertThat(result.guardVerdict()).hasValueSatisfying(v -> {
            assertThat(v.deletions()).isEqualTo(10);
            assertThat(v.managed()).isEqualTo(12);
        });
    }

    @Test
    void anEmptyDesiredStateAgainstAnEmptyKongIsNothingToDo() {
        ApplyResult result = Applier.apply(Kong.plan(KongState.EMPTY, kong.client()), kong.client(),
                Kong.options(new Kong.RecordingSleeper()));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        assertThat(kong.writes()).isEmpty();
    }
}
