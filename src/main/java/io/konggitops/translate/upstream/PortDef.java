package io.konggitops.translate.upstream;

import java.util.Objects;

/**
 * How a route refers to a Service port (KIC {@code kongstate.PortDef}): by number, by name, or implicitly (the
 * Service's only port). {@link #canonical()} is the form used in Kong entity names.
 */
public record PortDef(Mode mode, int number, String name) {
    public enum Mode { NUMBER, NAME, IMPLICIT }

    public PortDef {
        Objects.requireNonNull(mode, "mode");
        name = name == null ? "" : name;
    }

    public static PortDef number(int n) {
        return new PortDef(Mode.NUMBER, n, "");
    }

    public static PortDef name(String name) {
        return new PortDef(Mode.NAME, 0, name);
    }

    public static PortDef implicit() {
        return new PortDef(Mode.IMPLICIT, 0, "");
    }

    /** The number, the name, or {@code implicitPort}. */
    public String canonical() {
        return switch (mode) {
            case NUMBER -> Integer.toString(number);
            case NAME -> name;
            case IMPLICIT -> "implicitPort";
        };
    }
}
