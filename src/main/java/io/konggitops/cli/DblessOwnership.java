package io.konggitops.cli;

import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;

/**
 * DB-less Kong: {@code POST /config} replaces the whole configuration, so every entity without the select tag would
 * be deleted. Finds them and says which, so the refusal can be acted on.
 */
final class DblessOwnership {
    /** How many unowned entities the refusal names; the rest are counted. */
    static final int NAMED = 20;

    private DblessOwnership() {
    }

    /** The entities of {@code live} without {@code tag}, in a stable order (kind, then label, then id). */
    static List<KongEntity> unowned(List<KongEntity> live, String tag) {
        return live.stream()
                .filter(e -> !(e.get("tags") instanceof List<?> tags && tags.contains(tag)))
                .sorted(Comparator.comparing((KongEntity e) -> e.type().ordinal())
                        .thenComparing(KongEntity::label)
                        .thenComparing(e -> e.id() == null ? "" : e.id()))
                .toList();
    }

    /** The refusal: what would be deleted (up to {@link #NAMED} by kind and name or id) and the two ways out. */
    static String refusal(List<KongEntity> unowned, String tag) {
        StringBuilder sb = new StringBuilder("this Kong is DB-less, where POST /config "
                + "replaces the whole configuration, and it has ").append(count(unowned.size()))
                .append(" without the select tag '").append(tag).append("' that ")
                .append(unowned.size() == 1 ? "would" : "would all").append(" be deleted: ");
        for (int i = 0; i < Math.min(NAMED, unowned.size()); i++) {
            if (i > 0) sb.append(", ");
            sb.append(name(unowned.get(i)));
        }
        if (unowned.size() > NAMED) sb.append(" and ").append(unowned.size() - NAMED).append(" more");
        return sb.append(". Tag them with '").append(tag).append("', or pass --dbless-replace-unowned to let this job "
                + "own the whole configuration.").toString();
    }

    /** {@code service hand-made}, or the kind and id when the entity has no name. */
    private static String name(KongEntity e) {
        String label = e.label();
        String kind = e.type().schemaName();
        return label.endsWith("(unnamed)") && e.id() != null ? kind + " " + e.id() : label;
    }

    static String count(int n) {
        return n + (n == 1 ? " entity" : " entities");
    }
}
