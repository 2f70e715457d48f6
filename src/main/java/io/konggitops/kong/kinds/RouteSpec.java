package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.RouterFlavor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code routes}: named, belong to a service; nested under their service in a decK file. */
public final class RouteSpec implements EntitySpec {
    private static final Set<String> GRPC = Set.of("grpc", "grpcs");

    @Override public String endpoint() { return "routes"; }
    @Override public String deckKey() { return "routes"; }
    @Override public String schemaName() { return "routes"; }
    @Override public int level() { return 3; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("service", EntityType.SERVICE));
    }

    @Override public List<String> referenceFields() { return List.of("name"); }
    @Override public Optional<String> endpointKey() { return Optional.of("name"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return EntitySpec.key("name", e.name());
    }

    /** Kong does not strip the path of gRPC routes unless told to. */
    @Override
    public void schemaDefaults(Map<String, Object> m) {
        if (!m.containsKey("strip_path") && m.get("protocols") instanceof List<?> ps
                && ps.stream().anyMatch(GRPC::contains)) {
            m.put("strip_path", false);
        }
    }

    /** decK files may also list them at the top, naming their parents. */
    @Override
    public boolean deckTopLevel() {
        return true;
    }

    /** Under the expressions router a route has {@code expression} and {@code priority} instead of matchers. */
    @Override
    public Optional<String> builtinSchemaOverlay(RouterFlavor flavor) {
        return flavor != null && flavor.expressions() ? Optional.of("routes_expressions_flavor") : Optional.empty();
    }

    @Override
    public List<DeckNesting> deckParents() {
        return List.of(DeckNesting.under(EntityType.SERVICE, "routes", "service"));
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("name");
    }
}
