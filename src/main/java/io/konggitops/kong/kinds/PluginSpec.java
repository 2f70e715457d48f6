package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plugins}: identified by (name, service, route, consumer); global when attached to nothing. Each plugin name
 * has its own schema; secrets hide in its {@code config}. decK files may nest plugins under their service, route or
 * consumer; the writer lists them at the top, naming their parents.
 */
public final class PluginSpec implements EntitySpec {
    private static final List<String> PARENTS = List.of("service", "route", "consumer");

    @Override public String endpoint() { return "plugins"; }
    @Override public String deckKey() { return "plugins"; }
    @Override public String schemaName() { return "plugins"; }
    @Override public int level() { return 4; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("service", EntityType.SERVICE), new ForeignKey("route", EntityType.ROUTE),
                new ForeignKey("consumer", EntityType.CONSUMER));
    }

    @Override public Optional<String> endpointKey() { return Optional.of("instance_name"); }
    @Override public List<String> labelFields() { return List.of("instance_name", "name"); }

    @Override
    public String changeLabel(KongEntity e, Refs parents) {
        List<String> on = new ArrayList<>();
        for (String fk : PARENTS) {
            if (e.get(fk) != null) on.add(fk + " " + parents.name(e, fk));
        }
        return e.label() + (on.isEmpty() ? " (global)" : " on " + String.join(", ", on));
    }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return EntitySpec.key("plugin", e.name() == null ? null : e.name() + "|s=" + refs.name(e, "service")
                + "|r=" + refs.name(e, "route") + "|c=" + refs.name(e, "consumer"));
    }

    @Override public boolean secretConfig() { return true; }
    @Override public boolean schemaPerName() { return true; }

    /** decK files may also list them at the top, naming their parents. */
    @Override
    public boolean deckTopLevel() {
        return true;
    }

    @Override
    public List<DeckNesting> deckParents() {
        return List.of(DeckNesting.under(EntityType.SERVICE, "plugins", "service"),
                DeckNesting.under(EntityType.ROUTE, "plugins", "route"),
                DeckNesting.under(EntityType.CONSUMER, "plugins", "consumer"));
    }

    @Override public boolean deckWrittenNested() { return false; }
    @Override public List<String> deckReferencesByName() { return PARENTS; }

    /** Deckgen's plugin string: name plus the parents it is attached to, descending. */
    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return Comparator.comparing((Map<String, Object> p) -> str(p.get("name")) + str(p.get("consumer"))
                + str(p.get("consumer_group")) + str(p.get("route")) + str(p.get("service"))
                + str(p.get("instance_name")), Comparator.reverseOrder());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
