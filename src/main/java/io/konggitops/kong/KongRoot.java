package io.konggitops.kong;

/** What {@code GET /} says about a Kong node. {@code database} is {@code off} for DB-less, else e.g. {@code postgres}. */
public record KongRoot(String version, String database, String routerFlavor) {
    public boolean dbless() {
        return database == null || database.isEmpty() || "off".equals(database);
    }

    public KongTarget target() {
        String flavor = routerFlavor == null || routerFlavor.isEmpty() ? "traditional_compatible" : routerFlavor;
        return new KongTarget(version, RouterFlavor.parse(flavor), dbless());
    }
}
