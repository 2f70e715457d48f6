package io.konggitops.source;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source stage: from {@code --repo}/{@code --ref}/{@code --path} to {@link Manifests}.
 *
 * <ul>
 *   <li>A local directory without {@code --ref} is loaded in place (no copy); its commit is the HEAD SHA when it is a
 *       Git work tree, else {@code "local"}. Uncommitted changes are loaded as they are.</li>
 *   <li>A Git URL ({@code file://}, {@code http(s)://}, {@code ssh://}, scp-style {@code git@host:org/repo.git}), a
 *       local bare repository, or a local Git repository with {@code --ref}, is checked out (shallow where possible,
 *       see {@link GitCheckout}) into
 *       a temporary directory that is always removed afterwards, also on failure. HTTP(S) uses
 *       {@link SourceSpec#credentials()}; SSH uses {@link SourceSpec#sshKey()} and {@link SourceSpec#knownHosts()}
 *       with strict host key checking (see {@link SshConfig}).</li>
 *   <li>{@code --path} selects a folder (or one file) of the repository; origins stay relative to the repository
 *       root.</li>
 * </ul>
 * A repository that cannot be read at all is a {@link SourceException}; a broken file is a problem in the result.
 */
public final class ManifestSource {
    /** The commit of a local directory that is not a Git work tree. */
    public static final String LOCAL = "local";

    private ManifestSource() {
    }

    /** @throws SourceException when the repository, ref or path cannot be read (message safe to print) */
    public static Manifests load(SourceSpec spec) {
        return load(spec, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #load(SourceSpec)}, with checkouts made in a temporary directory below {@code workParent}. */
    static Manifests load(SourceSpec spec, Path workParent) {
        RepoLocation location = RepoLocation.parse(spec.repo());
        boolean withRef = spec.ref() != null && !spec.ref().isBlank();
        if (location.isLocal() && !withRef && !isBareRepository(location.localDir())) {
            return ManifestLoader.load(location.localDir(), spec.path(), localCommit(location.localDir()),
                    spec.maxFileBytes());
        }
        String uri = location.isLocal() ? localGitUri(location.localDir()) : location.uri();
        Path work = createWorkDirectory(workParent);
        try {
            Path checkout = work.resolve("repo");
            String commit;
            try (SshConfig ssh = isSsh(uri) ? SshConfig.create(spec.sshKey(), spec.knownHosts(), work) : null) {
                commit = new GitCheckout().setUri(uri).setRef(spec.ref()).setDirectory(checkout)
                        .setCredentials(spec.credentials()).setSsh(ssh).call();
            }
            return ManifestLoader.load(checkout, spec.path(), commit, spec.maxFileBytes());
        } finally {
            TempDirs.deleteRecursively(work);
        }
    }

    /** A bare repository (no work tree) is checked out like a remote one. */
    private static boolean isBareRepository(Path dir) {
        return RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED);
    }

    static boolean isSsh(String uri) {
        String u = uri.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("ssh://") || u.startsWith("git+ssh://") || u.startsWith("ssh+git://") || !u.contains("://");
    }

    /** HEAD SHA of the Git work tree containing {@code dir}, or "local". */
    private static String localCommit(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return LOCAL;
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            ObjectId head = repo.resolve("HEAD^{commit}");
            return head == null ? LOCAL : head.name();
        } catch (IOException | RuntimeException e) {
            return LOCAL;
        }
    }

    private static String localGitUri(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new SourceException("--ref needs a Git repository, but " + dir + " is a plain directory: "
                    + "drop --ref to load it as it is");
        }
        return dir.toAbsolutePath().toUri().toString();
    }

    private static Path createWorkDirectory(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "kong-gitops-checkout-");
        } catch (IOException e) {
            throw new SourceException("cannot create a temporary directory in " + parent + " for the Git checkout: "
                    + e.getClass().getSimpleName() + " (set java.io.tmpdir to a writable directory)");
        }
    }
}
