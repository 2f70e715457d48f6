package io.konggitops.translate.atc;

/** The comparison operators of Kong's expressions router that KIC uses. */
public enum Op {
    EQUALS("=="),
    NOT_EQUALS("!="),
    REGEX("~"),
    PREFIX("^="),
    SUFFIX("=^"),
    CONTAINS("contains"),
    IN("in"),
    NOT_IN("not in");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
