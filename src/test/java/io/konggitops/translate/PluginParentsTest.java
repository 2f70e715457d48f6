package io.konggitops.translate;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PluginParentsTest {
    private static final ObjectRef PLUGIN = ObjectRef.of("KongPlugin", "shop", "limit");

    private static KongEntity plugin(String fk, Map<String, Object> ref) {
        return new KongEntity(EntityType.PLUGIN, Map.of("name", "rate-limiting", fk, ref), PLUGIN, null);
    }

    @Test
    void aPluginWhoseConsumerIsNotInTheConfigurationIsLeftOutWithAWarningOnItsKongPlugin() {
        KongEntity consumer = new KongEntity(EntityType.CONSUMER, Map.of("id", "c1", "username", "alice"), null, null);
        KongEntity kept = plugin("consumer", Map.of("id", "c1"));
        KongEntity byCustomId = plugin("consumer", Map.of("name", "alice"));
        KongEntity dangling = plugin("consumer", Map.of("id", "c2"));
        Diagnostics diag = new Diagnostics(ManifestClusterView.endpoints(new Manifests("x", List.of(), List.of())));
        KongState out = PluginParents.prune(new KongState(List.of(consumer, kept, byCustomId, dangling)), diag);
        assertThat(out.entities()).containsExactly(consumer, kept, byCustomId);
        Problem p = diag.problems().get(0);
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.object()).isEqualTo(PLUGIN);
        assertThat(p.message()).contains("consumer c2");
    }

    @Test
    void aPluginWhoseRouteIsInTheConfigurationIsKept() {
        KongEntity route = new KongEntity(EntityType.ROUTE, Map.of("id", "r1", "name", "shop.web"), null, null);
        KongState in = new KongState(List.of(route, plugin("route", Map.of("id", "r1"))));
        Diagnostics diag = new Diagnostics(ManifestClusterView.endpoints(new Manifests("x", List.of(), List.of())));
        assertThat(PluginParents.prune(in, diag)).isSameAs(in);
        assertThat(diag.problems()).isEmpty();
    }
}
