package io.konggitops.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where to load manifests from.
 *
 * @param repo         a local directory, {@code file://}, {@code http(s)://}, {@code ssh://} or scp-style URL
 * @param ref          branch, tag, full ref name or commit SHA (full or abbreviated); null for the remote's default
 *                     branch. With a local directory, a ref makes it checked out like a remote (it must be a Git
 *                     repository); without one the directory is loaded as it is
 * @param path         subfolder (or file) of the repository to load; null or empty for the root. Origins stay
 *                     relative to the repository root
 * @param credentials  HTTP(S) credentials, or {@link GitCredentials#NONE}
 * @param sshKey       private key file for SSH, or null
 * @param knownHosts   known_hosts file for SSH, or null
 * @param maxFileBytes files larger than this are refused (a problem), default 10 MiB
 */
public record SourceSpec(String repo, String ref, String path, GitCredentials credentials, Path sshKey,
                         Path knownHosts, long maxFileBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    public SourceSpec {
        Objects.requireNonNull(repo, "repo");
        credentials = credentials == null ? GitCredentials.NONE : credentials;
        path = path == null ? "" : path;
        maxFileBytes = maxFileBytes <= 0 ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
    }

    public static SourceSpec of(String repo) {
        return new SourceSpec(repo, null, "", GitCredentials.NONE, null, null, DEFAULT_MAX_FILE_BYTES);
    }
}
