package io.konggitops.kong;

import java.util.Objects;

/**
 * The Kong a run translates for: version (e.g. {@code 3.9.1}), router flavor, and whether it has a database
 * ({@code database = "off"} means DB-less). Comes from {@code GET /} when a Kong is given, else from flags.
 */
public record KongTarget(String version, RouterFlavor routerFlavor, boolean dbless) {
    public static final KongTarget DEFAULT = new KongTarget("3.9.1", RouterFlavor.TRADITIONAL_COMPATIBLE, false);

    public KongTarget {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(routerFlavor, "routerFlavor");
    }
}
