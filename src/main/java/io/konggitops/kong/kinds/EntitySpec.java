package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.RouterFlavor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything kong-gitops knows about one Kong entity kind, in one place (decK's {@code pkg/types/<kind>.go} shape):
 * its names (Admin API collection, decK key, schema), how other entities reference it, its natural keys and label,
 * its parent foreign key and dependency level, its secret fields, the kind-specific part of normalisation, how it is
 * written, and how it nests in a decK file. {@link EntityType#spec()} returns it; diff, apply, the Admin API client
 * and the decK reader/writer ask the spec instead of switching on the kind.
 *
 * <p>Adding a kind: one {@link EntityType} constant naming its spec class, and one spec file.
 */
public interface EntitySpec {
    /** Admin API collection path segment, e.g. {@code services}, {@code key-auths}. */
    String endpoint();

    /** Key of this kind in a decK file, e.g. {@code keyauth_credentials}. */
    String deckKey();

    /** Name for {@code GET /schemas/{name}}; also how reports name the kind. */
    String schemaName();

    /**
     * 1-based dependency level: greater than the level of every kind this one references (see
     * {@link #foreignKeys()}). Creates and updates run level by level top-down, deletes bottom-up.
     */
    int level();

    /** The foreign-key fields of this kind ({@code {"id": ...}} objects) and the kinds they point at, in order. */
    default List<ForeignKey> foreignKeys() {
        return List.of();
    }

    /**
     * The foreign key whose entity this kind's Admin API collection lives under, when it has no top-level collection
     * of its own (targets: {@code upstream}). Such a kind has no upsert: it is created with a {@code POST} and updated
     * and deleted under its parent.
     */
    default Optional<String> parentKey() {
        return Optional.empty();
    }

    /** The kind of the entity whose collection this kind lives under ({@link #parentKey()}'s target). */
    default Optional<EntityType> parentKind() {
        return parentKey().flatMap(k -> foreignKeys().stream().filter(fk -> fk.field().equals(k))
                .map(ForeignKey::target).findFirst());
    }

    /** How a write reaches Kong; derived from {@link #parentKey()}. */
    default WriteStrategy writeStrategy() {
        return parentKey().isPresent() ? WriteStrategy.UNDER_PARENT : WriteStrategy.PUT_BY_ID;
    }

    /**
     * The fields another entity's reference may name this one by, most significant first (consumers: username, then
     * custom_id); empty when it is referenced only by id.
     */
    default List<String> referenceFields() {
        return List.of();
    }

    /** The name a reference uses for this entity: the first of its {@link #referenceFields()} it has, or null. */
    default String referenceName(KongEntity e) {
        for (String f : referenceFields()) {
            if (e.string(f) != null) return e.string(f);
        }
        return null;
    }

    /** The field Kong accepts in place of the id in the entity's path ({@code PUT /services/{name}}), if any. */
    default Optional<String> endpointKey() {
        return Optional.empty();
    }

    /** The fields whose first present value names the entity in a label; none present gives {@code (unnamed)}. */
    default List<String> labelFields() {
        return List.of("name", "id");
    }

    /**
     * How a planned change names the entity: its label, plus the parents a reader needs to tell it apart
     * ({@code target 10.0.0.1:80 on upstream u}). {@code parents} gives the display name of a foreign key.
     */
    default String changeLabel(KongEntity e, Refs parents) {
        return e.label();
    }

    /**
     * Natural keys identifying an entity across desired and live state, most significant first, as
     * {@code kind=value}; foreign keys resolved to names through {@code refs}. Empty when it has none.
     */
    List<String> naturalKeys(KongEntity e, Refs refs);

    /** Whether Kong enforces the natural keys as unique (a second entity with one answers 409). */
    default boolean naturalKeysUnique() {
        return true;
    }

    /** Top-level fields whose values are secrets (matched lower case). */
    default Set<String> secretFields() {
        return Set.of();
    }

    /** Whether the entity carries a plugin {@code config} whose secret-named fields (at any depth) are secrets. */
    default boolean secretConfig() {
        return false;
    }

    /** Whether the kind's Admin API endpoint exists only when a plugin is installed (credentials). */
    default boolean optionalEndpoint() {
        return false;
    }

    /** The plugin whose installation brings this kind's endpoint ({@code key-auth} for {@code key-auths}). */
    default Optional<String> requiredPlugin() {
        return Optional.empty();
    }

    /** Whether the kind is a consumer credential. */
    default boolean credential() {
        return false;
    }

    /**
     * The kind-specific part of normalisation, on a mutable copy of the fields without auto fields: write-only
     * shorthands expanded, values Kong rewrites rewritten the same way.
     */
    default void normalize(Map<String, Object> fields) {
    }

    /**
     * The desired fields as Kong would store them, for comparing with a matched live entity ({@code desired} is a
     * mutable normalised copy; {@code live} the entity read from Kong): for values Kong keeps only in a derived form
     * (a basic-auth password is stored hashed). Default: nothing to do.
     */
    default void asStoredBy(Map<String, Object> desired, KongEntity live) {
    }

    /** Defaults Kong applies beyond its schema; only applied when a schema is known. */
    default void schemaDefaults(Map<String, Object> fields) {
    }

    /** Whether each entity has its own schema by name ({@code GET /schemas/plugins/{name}}) over the kind's. */
    default boolean schemaPerName() {
        return false;
    }

    /**
     * The part of the built-in schema table laid over this kind's schema for a router flavor (routes under the
     * expressions router), if any.
     */
    default Optional<String> builtinSchemaOverlay(RouterFlavor flavor) {
        return Optional.empty();
    }

    /** Fields Kong computes itself and refuses (or ignores) in a write body. */
    default Set<String> computedFields() {
        return Set.of("created_at", "updated_at");
    }

    /**
     * A field listing the names of child entities that Kong rewrites the children from on a full replace (a
     * certificate's {@code snis}): written with the names Kong has now, never compared, and expanded into child
     * entities when the desired state has none.
     */
    default Optional<ChildNames> childNames() {
        return Optional.empty();
    }

    /** Where the entity may sit nested in a decK file (under which parent kind, key and foreign key). */
    default List<DeckNesting> deckParents() {
        return List.of();
    }

    /** Whether the entity may be listed at the top of a decK file under its {@link #deckKey()}. */
    default boolean deckTopLevel() {
        return deckParents().isEmpty();
    }

    /** Whether the decK writer nests the entity under its (first) decK parent rather than listing it at the top. */
    default boolean deckWrittenNested() {
        return !deckParents().isEmpty();
    }

    /** Foreign keys the decK writer writes as the referenced entity's name (plugins: service, route, consumer). */
    default List<String> deckReferencesByName() {
        return List.of();
    }

    /** The order of this kind's entries in a decK file (deckgen's sort). */
    Comparator<Map<String, Object>> deckOrder();

    /** {@code [kind=value]} or empty when value is null: the usual one-key natural key. */
    static List<String> key(String kind, String value) {
        List<String> keys = new ArrayList<>();
        if (value != null) keys.add(kind + "=" + value);
        return keys;
    }

    /** decK order: descending by the string value of {@code field} (missing sorts as empty). */
    static Comparator<Map<String, Object>> descendingBy(String field) {
        return Comparator.comparing((Map<String, Object> m) -> str(m.get(field)), Comparator.reverseOrder());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
