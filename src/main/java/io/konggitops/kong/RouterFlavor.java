package io.konggitops.kong;

import java.util.Locale;

/** Kong's {@code router_flavor}. {@code traditional} and {@code traditional_compatible} get the same translation. */
public enum RouterFlavor {
    TRADITIONAL, TRADITIONAL_COMPATIBLE, EXPRESSIONS;

    public static RouterFlavor parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean expressions() {
        return this == EXPRESSIONS;
    }
}
