package io.konggitops.diff;

import java.util.Locale;

/**
 * Where a planned change came from, told by the {@link AppliedTag} the job left on the entity when it last wrote it
 * (see {@link Attribution} for the rules).
 */
public enum Cause {
    /** The desired state in Git moved since the entity was last applied; Kong still holds what was applied. */
    GIT,
    /** Someone changed the entity in Kong outside the job; Git still wants what was applied. */
    KONG,
    /** Both moved: Git wants something new and Kong no longer holds what was applied. */
    BOTH,
    /** The entity carries no applied tag (written before kong-gitops recorded one, or by hand with the select tag). */
    UNKNOWN;

    /** {@code git}, {@code kong}, {@code both}, {@code unknown}: as reports print it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
