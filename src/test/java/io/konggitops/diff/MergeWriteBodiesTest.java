package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kong merges a target PUT into the stored target, so the body must carry every field the diff compared, Kong's
 * defaults included; upsert PUTs of other kinds are sent as desired (Kong fills their defaults when it replaces).
 */
class MergeWriteBodiesTest {
    private static KongEntity targetWithoutWeight() {
        return entity(EntityType.TARGET, "upstream", Map.of("name", "u"), "target", "10.0.0.1:80");
    }

    private static KongEntity liveUpstream() {
        return live(upstream("u"), "u-id");
    }

    private static KongEntity liveTarget(long weight) {
        return live(entity(EntityType.TARGET, "upstream", Map.of("id", "u-id"), "target", "10.0.0.1:80",
                "weight", weight), "t-id");
    }

    @Test
    void aTargetSetToWeightZeroByHandIsUpdatedWithAnExplicitWeightOfOneHundred() {
        Plan plan = Differ.diff(state(upstream("u"), targetWithoutWeight()), state(liveUpstream(), liveTarget(0)),
                builtin(), OPTIONS);

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.id()).isEqualTo("t-id");
            assertThat(c.fieldChanges()).extracting(FieldChange::path).containsExactly("weight");
            assertThat(c.desired().get("weight")).isEqualTo(100L);
        });
    }

    @Test
    void aCreatedTargetCarriesTheDefaultWeightToo() {
        Plan plan = Differ.diff(state(upstream("u"), targetWithoutWeight()), state(liveUpstream()), builtin(),
                OPTIONS);

        assertThat(plan.changes()).singleElement().satisfies(c ->
                assertThat(c.desired().get("weight")).isEqualTo(100L));
    }

    @Test
    void aDesiredWeightIsKept() {
        Plan plan = Differ.diff(state(upstream("u"), targetWithoutWeight().with("weight", 0L)),
                state(liveUpstream(), liveTarget(100)), builtin(), OPTIONS);

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.desired().get("weight")).isEqualTo(0L));
    }

    @Test
    void anUpsertedServiceIsSentWithoutFilledInDefaults() {
        Plan plan = Differ.diff(state(service("s1", "svc")), state(), builtin(), OPTIONS);

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.desired().fields()).doesNotContainKeys("retries", "connect_timeout");
        });
    }
}
