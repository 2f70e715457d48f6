package io.konggitops.apply;

/**
 * The deletion guard's answer for a plan: whether it may run, how many owned entities it deletes out of how many are
 * managed now, the limit that applied ({@code "30%"}, {@code "5"}, {@code "none"}) and why it was refused.
 */
public record GuardVerdict(boolean allowed, int deletions, int managed, String limit, String reason) {
}
