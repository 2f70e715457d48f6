package io.konggitops.problem;

/**
 * The root of every failure that ends a run: each stage throws its own subclass (source, cluster, Kong Admin API, decK
 * file, settings, secrets), and the command line catches this one type, prints {@link #getMessage()} as one line and
 * exits with {@link #exitCode()}. The message is complete and safe to print: it says what is wrong and what to do,
 * and never holds a secret value. Anything else that escapes a run is a bug, reported as an internal error.
 */
public class KongGitopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code of a failed run. */
    public static final int ERROR = 1;
    /** Exit code of a run refused by a safety guard. */
    public static final int REFUSED = 3;

    private final int exitCode;

    public KongGitopsException(String message) {
        this(message, null, ERROR);
    }

    public KongGitopsException(String message, Throwable cause) {
        this(message, cause, ERROR);
    }

    public KongGitopsException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code this failure ends the run with: {@link #ERROR} unless a subclass says otherwise. */
    public int exitCode() {
        return exitCode;
    }
}
