package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Leaving an entity out takes what depends on it, transitively, and nothing else. */
class DependentsTest {
    private final KongEntity cert = e(EntityType.CERTIFICATE, Map.of("id", "c1"));
    private final KongEntity sni = e(EntityType.SNI, Map.of("name", "a.example.com", "certificate", Map.of("id", "c1")));
    private final KongEntity upstream = e(EntityType.UPSTREAM, Map.of("name", "web.shop.80.svc"));
    private final KongEntity target = e(EntityType.TARGET, Map.of("target", "10.0.0.1:80", "upstream",
            Map.of("name", "web.shop.80.svc")));
    private final KongEntity service = e(EntityType.SERVICE, Map.of("id", "s1", "name", "shop.web.80", "host",
            "web.shop.80.svc", "client_certificate", Map.of("id", "c1")));
    private final KongEntity route = e(EntityType.ROUTE, Map.of("id", "r1", "name", "r", "service", Map.of("id", "s1")));
    private final KongEntity otherRoute = e(EntityType.ROUTE, Map.of("id", "r2", "name", "r2", "service",
            Map.of("id", "s1")));
    private final KongEntity plugin = e(EntityType.PLUGIN, Map.of("name", "cors", "route", Map.of("id", "r1")));
    private final KongEntity unrelated = e(EntityType.SERVICE, Map.of("id", "s9", "name", "other", "host", "x.svc"));
    private final KongState state = new KongState(List.of(cert, sni, upstream, target, service, route, otherRoute,
            plugin, unrelated));

    @Test
    void aLeftOutRouteTakesItsPluginsButNotItsServiceWhileTheServiceHasOtherRoutes() {
        Dependents.Pruned p = Dependents.prune(state, Set.of(route));
        assertThat(p.dependents()).containsExactly(plugin);
        assertThat(p.kept().entities()).contains(service, otherRoute, upstream, target, cert, sni, unrelated)
                .doesNotContain(route, plugin);
    }

    @Test
    void aServiceThatLosesAllItsRoutesGoesWithItsUpstreamAndTargets() {
        Dependents.Pruned p = Dependents.prune(state, Set.of(route, otherRoute));
        assertThat(p.kept().entities()).containsExactlyInAnyOrder(cert, sni, unrelated);
    }

    @Test
    void aLeftOutCertificateTakesItsSnisAndTheServicesUsingItAsClientCertificateWithTheirRoutes() {
        Dependents.Pruned p = Dependents.prune(state, Set.of(cert));
        assertThat(p.kept().entities()).containsExactly(unrelated);
        assertThat(p.dependents()).contains(sni, service, route, otherRoute, plugin, upstream, target);
    }

    @Test
    void aLeftOutUpstreamTakesItsTargetsAndTheServicesPointingAtIt() {
        Dependents.Pruned p = Dependents.prune(state, Set.of(upstream));
        assertThat(p.kept().entities()).containsExactlyInAnyOrder(cert, sni, unrelated);
    }

    private static KongEntity e(EntityType type, Map<String, Object> fields) {
        return KongEntity.of(type, fields);
    }
}
