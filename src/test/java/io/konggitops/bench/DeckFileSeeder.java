package io.konggitops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.KongDouble;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts the entities of a decK file ({@code bin/kong-gitops render --format json}) straight into a double, the way
 * {@code deck sync} would create them (same ids, values and tags; no {@code kong-gitops-applied} tags, which
 * kong-gitops does not count as drift), without the Admin API: the state for the no-op diffs of sizes whose first
 * sync would take longer than the benchmark can wait. Services with their routes, upstreams with their targets.
 */
final class DeckFileSeeder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeckFileSeeder() {
    }

    /** Seeds every service, route, upstream and target of {@code deckJson}; returns how many entities. */
    static int seed(KongDouble kong, Path deckJson) throws IOException {
        JsonNode file = JSON.readTree(deckJson.toFile());
        int n = 0;
        for (JsonNode s : file.path("services")) {
            ObjectNode service = (ObjectNode) s.deepCopy();
            JsonNode routes = service.remove("routes");
            kong.seed("services", service);
            n++;
            if (routes == null) continue;
            for (JsonNode r : routes) {
                ObjectNode route = (ObjectNode) r.deepCopy();
                route.putObject("service").put("id", service.get("id").asText());
                kong.seed("routes", route);
                n++;
            }
        }
        for (JsonNode u : file.path("upstreams")) {
            ObjectNode upstream = (ObjectNode) u.deepCopy();
            JsonNode targets = upstream.remove("targets");
            ObjectNode created = kong.seed("upstreams", upstream);
            n++;
            if (targets == null) continue;
            for (JsonNode t : targets) {
                ObjectNode target = (ObjectNode) t.deepCopy();
                target.putObject("upstream").put("id", created.get("id").asText());
                kong.seed("targets", target);
                n++;
            }
        }
        for (String other : new String[] {"certificates", "ca_certificates", "consumers", "plugins"}) {
            if (file.path(other).size() > 0) {
                throw new IllegalArgumentException(deckJson + " has " + other + ": only services, routes, upstreams "
                        + "and targets are seeded (the benchmark's repositories have nothing else)");
            }
        }
        return n;
    }
}
