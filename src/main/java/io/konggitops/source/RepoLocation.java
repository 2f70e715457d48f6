package io.konggitops.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What {@code --repo} points at: a local directory (loaded in place) or a Git URL ({@code file://}, {@code http(s)://},
 * {@code ssh://}, {@code git://} or scp-style {@code user@host:org/repo.git}) that is cloned.
 *
 * @param localDir the directory for a local repository, else null
 * @param uri      the Git URL for a remote repository, else null
 */
record RepoLocation(Path localDir, String uri) {
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    /** {@code [user@]host:path} where host has no slash and path does not start with '/' '/' (scp-style). */
    private static final Pattern SCP = Pattern.compile("^(?:[^@/\\s]+@)?[^@/:\\s]{2,}:(?!//).+");
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s]*)@");

    static RepoLocation parse(String repo) {
        String r = repo == null ? "" : repo.trim();
        if (r.isEmpty()) {
            throw new SourceException("no repository given: set --repo to a directory or a Git URL");
        }
        if (URL.matcher(r).matches()) {
            return new RepoLocation(null, r);
        }
        Path dir = asPath(r);
        if (dir != null && Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new SourceException("repository " + r + " is a file, not a directory or Git URL");
            }
            return new RepoLocation(dir, null);
        }
        if (SCP.matcher(r).matches()) {
            return new RepoLocation(null, r);
        }
        throw new SourceException("repository directory " + r + " does not exist (and it is not a Git URL)");
    }

    boolean isLocal() {
        return localDir != null;
    }

    /** The location as it may be printed: a URL without user name or password. */
    String display() {
        return isLocal() ? localDir.toString() : redact(uri);
    }

    /**
     * Removes the user-info part of every URL in {@code text}: all of it ({@code user:password@}, or a token used as user
     * name) except a plain user name of an SSH URL ({@code ssh://git@host/...}), which is no secret.
     */
    static String redact(String text) {
        if (text == null) {
            return "";
        }
        return USERINFO.matcher(text).replaceAll(m -> {
            String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
            boolean sshUser = scheme.contains("ssh") && !m.group(2).contains(":");
            return java.util.regex.Matcher.quoteReplacement(sshUser ? m.group() : m.group(1));
        });
    }

    private static Path asPath(String r) {
        try {
            return Path.of(r);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
