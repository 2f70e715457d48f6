package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What follows from all the specs together: the foreign-key fields, the dependency levels, the decK nesting. */
public final class Kinds {
    private static final Map<String, EntityType> FOREIGN_KEYS;
    private static final List<Set<EntityType>> LEVELS;
    private static final Map<EntityType, List<Map.Entry<EntityType, DeckNesting>>> DECK_CHILDREN =
            new java.util.EnumMap<>(EntityType.class);

    static {
        Map<String, EntityType> fks = new LinkedHashMap<>();
        int maxLevel = 0;
        for (EntityType t : EntityType.values()) {
            for (ForeignKey fk : t.spec().foreignKeys()) {
                EntityType before = fks.putIfAbsent(fk.field(), fk.target());
                if (before != null && before != fk.target()) {
                    throw new IllegalStateException("foreign key '" + fk.field() + "' points at " + before + " and "
                            + fk.target());
                }
            }
            maxLevel = Math.max(maxLevel, t.spec().level());
        }
        FOREIGN_KEYS = java.util.Collections.unmodifiableMap(fks);
        List<Set<EntityType>> levels = new ArrayList<>();
        for (int level = 1; level <= maxLevel; level++) {
            Set<EntityType> kinds = EnumSet.noneOf(EntityType.class);
            for (EntityType t : EntityType.values()) {
                if (t.spec().level() == level) kinds.add(t);
            }
            levels.add(java.util.Collections.unmodifiableSet(kinds));
        }
        LEVELS = List.copyOf(levels);
        for (EntityType parent : EntityType.values()) {
            List<Map.Entry<EntityType, DeckNesting>> children = new ArrayList<>();
            for (EntityType t : EntityType.values()) {
                for (DeckNesting n : t.spec().deckParents()) {
                    if (n.parent() == parent) children.add(Map.entry(t, n));
                }
            }
            children.sort(Comparator.comparingInt((Map.Entry<EntityType, DeckNesting> e) -> e.getKey().spec().level())
                    .thenComparing(Map.Entry::getKey));
            DECK_CHILDREN.put(parent, List.copyOf(children));
        }
    }

    private Kinds() {
    }

    /** Every foreign-key field of any kind and the kind it points at ({@code client_certificate → CERTIFICATE}). */
    public static Map<String, EntityType> foreignKeys() {
        return FOREIGN_KEYS;
    }

    /** The kinds of each dependency level, level 1 first. */
    public static List<Set<EntityType>> levels() {
        return LEVELS;
    }

    /**
     * The kinds that may be nested under {@code parent} in a decK file, each with its nesting, in dependency order
     * (then enum order): a consumer's credentials before its plugins.
     */
    public static List<Map.Entry<EntityType, DeckNesting>> deckChildren(EntityType parent) {
        return DECK_CHILDREN.get(parent);
    }
}
