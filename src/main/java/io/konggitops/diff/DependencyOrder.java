package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.kinds.Kinds;

import java.util.List;
import java.util.Set;

/**
 * Dependency levels of the entity kinds (decK's {@code dependencyOrder}). Creates and updates run top-down, deletes
 * bottom-up. Kinds in one level never reference each other, so a level's changes may run in parallel.
 *
 * <pre>
 *  level 1   certificate        ca_certificate        consumer
 *               │   │                 │                  │   │
 *  level 2     sni  └──► service ◄────┘   upstream   credentials (key-auth, basic-auth, hmac-auth,
 *                          │                 │           jwt, acl, oauth2, mtls-auth)
 *  level 3               route             target
 *                          │
 *  level 4               plugin  (→ service, route, consumer)
 * </pre>
 */
public final class DependencyOrder {
    /** The kinds of each level, level 1 first: from each kind's {@code spec().level()}. */
    public static final List<Set<EntityType>> LEVELS = Kinds.levels();

    private DependencyOrder() {
    }

    /** 1-based level of a kind. */
    public static int level(EntityType type) {
        return type.spec().level();
    }
}
