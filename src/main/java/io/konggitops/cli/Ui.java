package io.konggitops.cli;

import java.util.Map;

/**
 * How the CLI talks to a person: {@code terminal}; {@code color}: colour the text report on stdout (a terminal, no
 * {@code NO_COLOR}, no {@code --no-color}, {@code TERM} not {@code dumb}); {@code quiet} ({@code -q}): no progress bar,
 * and the report only in {@code --report-file} when one is given; {@code yes}: {@code reconcile} deletes without
 * asking.
 */
record Ui(Terminal terminal, boolean color, boolean quiet, boolean yes) {
    static final Ui NONE = new Ui(Terminal.NONE, false, false, false);

    static Ui of(Terminal terminal, Map<String, String> env, boolean noColor, boolean quiet, boolean yes) {
        String noColorEnv = env.get("NO_COLOR");
        boolean color = terminal.interactive() && !noColor && (noColorEnv == null || noColorEnv.isEmpty())
                && !"dumb".equals(env.get("TERM"));
        return new Ui(terminal, color, quiet, yes);
    }

    /** More changes than this get a progress bar on a terminal. */
    static final int PROGRESS_THRESHOLD = 50;

    boolean progressBar(int changes) {
        return !quiet && terminal.stderrIsTerminal() && changes > PROGRESS_THRESHOLD;
    }
}
