package io.konggitops.source;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;

import java.util.Locale;

/** Turns JGit failures into a {@link SourceException} whose message names the URL (without credentials) only. */
final class GitErrors {
    private GitErrors() {
    }

    static SourceException translate(Exception e, String display, GitCredentials credentials, SshConfig ssh) {
        if (ssh != null && ssh.hostKeyProblem() != null) {
            return new SourceException("cannot connect to " + display + ": " + ssh.hostKeyProblem());
        }
        String messages = safeMessages(e, credentials);
        String lower = messages.toLowerCase(Locale.ROOT);
        if (has(e, NoRemoteRepositoryException.class) || lower.contains("not found")
                || lower.contains("does not appear to be a git repository") || lower.contains("no such file")
                || lower.contains("invalid remote") || lower.contains("not exist")) {
            return new SourceException("Git repository not found: " + display + " (check the URL; for a private "
                    + "repository over HTTPS, check the credentials too)");
        }
        if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains("auth fail")
                || lower.contains("401") || lower.contains("403") || lower.contains("permission denied")
                || lower.contains("credentialsprovider")
                || lower.contains("cannot log in")) {
            return new SourceException("authentication failed for " + display + ": "
                    + (display.startsWith("http") ? "check " + GitCredentials.TOKEN + " (or " + GitCredentials.USERNAME
                    + " and " + GitCredentials.PASSWORD + ")" : "check the SSH key and that it has access")
                    + " [" + messages + "]");
        }
        return new SourceException("cannot fetch from Git repository " + display + ": " + messages);
    }

    /** The messages of the cause chain, de-duplicated, URLs without user info, the password masked. */
    private static String safeMessages(Throwable e, GitCredentials credentials) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank() || sb.indexOf(m.trim()) >= 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(m.trim());
        }
        String text = RepoLocation.redact(sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString());
        if (credentials != null && credentials.present() && credentials.password().length() >= 4) {
            text = text.replace(credentials.password(), "****");
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
