package io.konggitops.cli;

import io.konggitops.apply.ApplyProgress;

import java.io.PrintStream;

/**
 * {@code applying [##########..........] 60/120} on stderr, redrawn in place ({@code \r}) when the count moves, ended
 * with a newline when all changes have finished. Only for a terminal ({@link Ui#progressBar}).
 */
final class ProgressBar implements ApplyProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private int lastDrawn = -1;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void finished(int done, int total) {
        if (done <= lastDrawn || total <= 0) return;
        lastDrawn = done;
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\rapplying [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done >= total) err.println();
        err.flush();
    }
}
