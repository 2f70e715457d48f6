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

    /**
     * The manifests at {@code baseRef} and at the head ({@code spec.ref()}), from one clone: both commits are fetched
     * into the same temporary repository and checked out in turn. A local Git work tree without {@code --ref} is the
     * head as it is (uncommitted changes included); its base is checked out from its own history.
     *
     * @throws SourceException when either ref cannot be read, or the directory is not a Git repository
     */
    public static Revisions loadWithBase(SourceSpec spec, String baseRef) {
        return loadWithBase(spec, baseRef, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Revisions loadWithBase(SourceSpec spec, String baseRef, Path workParent) {
        RepoLocation location = RepoLocation.parse(spec.repo());
        boolean withRef = spec.ref() != null && !spec.ref().isBlank();
        boolean inPlace = location.isLocal() && !withRef && !isBareRepository(location.localDir());
        if (location.isLocal() && localGitDir(location.localDir()) == null
                && !isBareRepository(location.localDir())) {
            throw new SourceException("--base-ref needs a Git repository, but " + location.localDir()
                    + " is a plain directory: run it in a clone of the repository");
        }
        String uri = location.isLocal() ? localGitUri(location.localDir()) : location.uri();
        Path work = createWorkDirectory(workParent);
        try {
            Path checkout = work.resolve("repo");
            try (SshConfig ssh = isSsh(uri) ? SshConfig.create(spec.sshKey(), spec.knownHosts(), work) : null) {
                // in place: only the base is checked out (at the work tree's HEAD for the fetch, as --ref)
                GitCheckout git = new GitCheckout().setUri(uri).setRef(inPlace ? baseRef : spec.ref())
                        .setBaseRef(inPlace ? null : baseRef).setDirectory(checkout)
                        .setCredentials(spec.credentials()).setSsh(ssh);
                String first = git.call();
                if (inPlace) {
                    Manifests base = ManifestLoader.load(checkout, spec.path(), first, spec.maxFileBytes());
                    Manifests head = ManifestLoader.load(location.localDir(), spec.path(),
                            localCommit(location.localDir()), spec.maxFileBytes());
                    return new Revisions(base, head);
                }
                Manifests head = ManifestLoader.load(checkout, spec.path(), first, spec.maxFileBytes());
                String baseCommit = git.checkoutBase();
                Manifests base = ManifestLoader.load(checkout, spec.path(), baseCommit, spec.maxFileBytes());
                return new Revisions(base, head);
            }
        } catch (SourceException e) {
            if (inPlace && e.getMessage().startsWith("--ref ")) {
                throw new SourceException(e.getMessage().replaceFirst("--ref ", "--base-ref "));
            }
            throw e;
        } finally {
            TempDirs.deleteRecursively(work);
        }
    }

    private static java.io.File localGitDir(Path dir) {
        return new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile()).getGitDir();
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
