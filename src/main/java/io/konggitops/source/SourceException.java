package io.konggitops.source;

import io.konggitops.problem.KongGitopsException;

/**
 * The source stage could not produce manifests at all: the repository does not exist, authentication failed, the ref
 * is unknown, {@code --path} is outside the repository or missing, the SSH host key is unknown or changed. The message
 * is complete and safe to print as is: it names the repository URL without credentials and never holds a secret, so
 * callers print {@link #getMessage()} only (no stack trace). Problems with single files are {@code Problem}s, not this.
 */
public class SourceException extends KongGitopsException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }
}
