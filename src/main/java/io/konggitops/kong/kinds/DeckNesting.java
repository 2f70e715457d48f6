package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;

/**
 * An entity nested in a decK file: under entries of {@code parent}, in the list {@code key}, pointing at the
 * parent through {@code foreignKey}. {@code keepsForeignKey}: the nested entry still writes the foreign key (SNIs
 * name their certificate, as deckgen writes them). {@code parentByName}: the child may name its parent by name in
 * a desired state (a target's {@code upstream}), so it is matched to the parent by name or id.
 */
public record DeckNesting(EntityType parent, String key, String foreignKey, boolean keepsForeignKey,
                          boolean parentByName) {
    public static DeckNesting under(EntityType parent, String key, String foreignKey) {
        return new DeckNesting(parent, key, foreignKey, false, false);
    }
}
