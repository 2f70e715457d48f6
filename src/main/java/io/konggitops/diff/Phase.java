package io.konggitops.diff;

/**
 * The three passes of a plan, run in this order (decK's {@code deleteDuplicates}, {@code createUpdate},
 * {@code delete}).
 */
public enum Phase {
    /** Deletes of live entities whose unique key a desired entity takes over (and their dependants), bottom-up. */
    FREE_NAMES,
    /** Creates and updates, top-down. */
    CREATE_UPDATE,
    /** Deletes of everything owned that is no longer desired, bottom-up. */
    DELETE
}
