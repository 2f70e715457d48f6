package io.konggitops.problem;

/** How bad a {@link Problem} is. ERROR makes {@code validate} exit 1; the others are reported only. */
public enum Severity {
    ERROR, WARNING, INFO
}
