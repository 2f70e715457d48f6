package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consumer credential ({@code key-auths}, {@code basic-auths}, ...): belongs to a consumer, nests under it in a
 * decK file, and its endpoint exists only when its plugin is installed. Identified by one field ({@code keyField}),
 * unique across Kong or, for {@code consumerScoped} kinds (ACL groups, mTLS subjects), within the consumer.
 */
public class CredentialSpec implements EntitySpec {
    /** Secret fields of every credential kind. */
    private static final Set<String> SECRETS = Set.of("key", "password", "secret", "client_secret");
    /** Fields ordering credentials in a decK file, first present wins. */
    private static final List<String> DECK_ORDER = List.of("key", "username", "name", "group", "client_id",
            "subject_name", "id");

    private final String plugin;
    private final String endpoint;
    private final String deckKey;
    private final String keyName;
    private final String keyField;
    private final boolean consumerScoped;

    public CredentialSpec(String plugin, String endpoint, String deckKey, String keyName, String keyField,
                          boolean consumerScoped) {
        this.plugin = plugin;
        this.endpoint = endpoint;
        this.deckKey = deckKey;
        this.keyName = keyName;
        this.keyField = keyField;
        this.consumerScoped = consumerScoped;
    }

    @Override public String endpoint() { return endpoint; }
    @Override public String deckKey() { return deckKey; }
    @Override public String schemaName() { return deckKey; }
    @Override public int level() { return 2; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("consumer", EntityType.CONSUMER));
    }

    @Override
    public String changeLabel(KongEntity e, Refs parents) {
        return schemaName() + " of consumer " + parents.name(e, "consumer");
    }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        String value = e.string(keyField);
        if (value != null && consumerScoped) value = refs.name(e, "consumer") + "|" + value;
        return EntitySpec.key(keyName, value);
    }

    @Override public Set<String> secretFields() { return SECRETS; }
    @Override public boolean optionalEndpoint() { return true; }
    @Override public java.util.Optional<String> requiredPlugin() { return java.util.Optional.of(plugin); }
    @Override public boolean credential() { return true; }

    @Override
    public List<DeckNesting> deckParents() {
        // a desired credential names a consumer known only by custom_id (no id, as in KIC) by that name
        return List.of(new DeckNesting(EntityType.CONSUMER, deckKey, "consumer", false, true));
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return Comparator.comparing(CredentialSpec::deckSortKey);
    }

    private static String deckSortKey(Map<String, Object> c) {
        for (String k : DECK_ORDER) {
            if (c.get(k) != null) return c.get(k).toString();
        }
        return "";
    }
}
