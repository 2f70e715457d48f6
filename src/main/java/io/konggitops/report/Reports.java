package io.konggitops.report;

import io.konggitops.diff.Plan;

import java.util.Locale;

/** The report stage's entry point: renders a {@link RunReport} as text, Markdown or JSON. */
public final class Reports {
    /** Report formats ({@code --report}). */
    public enum Format {
        TEXT, MARKDOWN, JSON;

        public static Format parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    private Reports() {
    }

    public static String render(RunReport report, Format format) {
        return render(report, format, false);
    }

    /** {@code color}: ANSI colours in the text format, for a terminal only (never for a file or a pipe). */
    public static String render(RunReport report, Format format, boolean color) {
        return switch (format) {
            case TEXT -> TextReport.render(report, color);
            case MARKDOWN -> MarkdownReport.render(report);
            case JSON -> JsonReport.render(report);
        };
    }

    /**
     * The Gateway API status as {@code validate} prints it: one line per Gateway, listener and route parent, lines
     * with a condition that is not as it should be marked {@code !} (and red with {@code color}); "" when empty.
     */
    public static String gatewayStatusText(io.konggitops.translate.gateway.status.GatewayApiStatus status,
                                           boolean color) {
        return GatewayStatusText.render(status, color);
    }

    /** {@code This PR (base abc1234 → head def5678)}: the heading of a pull request's own changes. */
    public static String prTitle(RunReport.PullRequest pr) {
        return "This PR (base " + shortSha(pr.base()) + " → head " + shortSha(pr.head()) + ")";
    }

    /** The heading of the drift in Kong against the PR's base. */
    public static String driftTitle(RunReport.PullRequest pr) {
        return "Drift in Kong, not from this PR (live Kong vs base " + shortSha(pr.base()) + ")";
    }

    private static String shortSha(String sha) {
        return sha != null && sha.length() == 40 ? sha.substring(0, 12) : String.valueOf(sha);
    }

    /** {@code Plan: 2 to create, 1 to update, 0 to delete (12 unchanged).} */
    public static String summaryLine(Plan.Summary s) {
        return "Plan: " + s.create() + " to create, " + s.update() + " to update, " + s.delete() + " to delete ("
                + s.unchanged() + " unchanged).";
    }
}
