package io.konggitops.diff;

import io.konggitops.kong.EntityType;

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
    public static final List<Set<EntityType>> LEVELS = List.of(
            Set.of(EntityType.CERTIFICATE, EntityType.CA_CERTIFICATE, EntityType.CONSUMER),
            Set.of(EntityType.SNI, EntityType.SERVICE, EntityType.UPSTREAM, EntityType.KEY_AUTH,
                    EntityType.BASIC_AUTH, EntityType.HMAC_AUTH, EntityType.JWT, EntityType.ACL, EntityType.OAUTH2,
                    EntityType.MTLS_AUTH),
            Set.of(EntityType.ROUTE, EntityType.TARGET),
            Set.of(EntityType.PLUGIN));

    private DependencyOrder() {
    }

    /** 1-based level of a kind. */
    public static int level(EntityType type) {
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(type)) return i + 1;
        }
        throw new IllegalArgumentException("no dependency level for " + type);
    }
}
