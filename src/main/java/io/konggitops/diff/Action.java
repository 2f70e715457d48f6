package io.konggitops.diff;

/** What a {@link Change} does to Kong. */
public enum Action {
    CREATE, UPDATE, DELETE
}
