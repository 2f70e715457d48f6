package io.konggitops.translate;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Plugins checked against the live Kong's plugin list and the job's --deny-plugins before anything is written. */
class PluginPolicyTest {
    private static final String S1 = "11111111-0000-4000-8000-000000000001";
    private static final String R1 = "22222222-0000-4000-8000-000000000001";

    private static Translation translation(KongEntity... plugins) {
        List<KongEntity> all = new java.util.ArrayList<>(List.of(service(S1, "svc"), route(R1, "web", S1, "/")));
        all.addAll(List.of(plugins));
        return new Translation(state(all), List.of());
    }

    private static List<String> names(KongState s) {
        return s.of(EntityType.PLUGIN).map(KongEntity::name).sorted().toList();
    }

    @Test
    void aPluginTheLiveKongDoesNotListIsAnErrorOnItsObjectAndIsLeftOutWhileTheRestStays() {
        Translation t = PluginPolicy.apply(translation(routePlugin(null, "rate-limiting", R1, Map.of("minute", 5)),
                routePlugin(null, "my-custom-plugin", R1, Map.of())), Set.of("rate-limiting", "key-auth"), Set.of());

        assertThat(names(t.desired())).containsExactly("rate-limiting");
        assertThat(t.desired().of(EntityType.ROUTE)).hasSize(1);
        Problem p = t.problems().get(0);
        assertThat(p.isError()).isTrue();
        assertThat(p.toString()).contains("my-custom-plugin", "plugins.available_on_server", "Ingress shop/web",
                "ingress.yaml");
    }

    @Test
    void anUnknownPluginListMeansNothingIsLeftOutForAvailability() {
        Translation t = PluginPolicy.apply(translation(routePlugin(null, "my-custom-plugin", R1, Map.of())), null,
                Set.of());

        assertThat(names(t.desired())).containsExactly("my-custom-plugin");
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void aDeniedPluginIsAnErrorAndLeftOutEvenWhenKongHasIt() {
        Translation t = PluginPolicy.apply(translation(routePlugin(null, "pre-function", R1,
                Map.of("access", List.of("return"))), routePlugin(null, "cors", R1, Map.of())),
                Set.of("pre-function", "cors"), Set.of("pre-function", "post-function"));

        assertThat(names(t.desired())).containsExactly("cors");
        assertThat(t.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.toString()).contains("--deny-plugins");
        });
    }

    @Test
    void codeExecutingPluginsAreKeptWithAWarningThatNamesThem() {
        Translation t = PluginPolicy.apply(translation(routePlugin(null, "post-function", R1,
                Map.of("log", List.of("return"))), routePlugin(null, "file-log", R1, Map.of("path", "/tmp/x",
                "custom_fields_by_lua", Map.of("who", "return 1")))), null, Set.of());

        assertThat(names(t.desired())).containsExactly("file-log", "post-function");
        assertThat(t.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.toString()).contains("runs the Lua code");
        });
    }
}
