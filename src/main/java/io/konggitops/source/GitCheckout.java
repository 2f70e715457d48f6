package io.konggitops.source;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks out one commit of a remote repository into a directory, like a shallow {@code git clone}: a command object
 * with setters and {@link #call()} (JGit porcelain style), single use.
 *
 * <ol>
 *   <li>list the remote's refs ({@code ls-remote}), which also checks the URL, the credentials and the host key;</li>
 *   <li>decide what to fetch ({@link RefSelection}): the default branch, a branch, a tag or a commit;</li>
 *   <li>fetch it with depth 1 (a commit SHA is fetched directly when the server allows it, else the whole history is
 *       fetched and the SHA looked up in it);</li>
 *   <li>check out the commit (detached HEAD) and return its SHA.</li>
 * </ol>
 * With {@link #setBaseRef(String)}, a second ref is fetched into the same repository (one clone, two shallow fetches)
 * and {@link #checkoutBase()} switches the directory to it after {@link #call()}: what {@code diff --base-ref} needs.
 * Every failure is a {@link SourceException} naming the URL without credentials.
 */
final class GitCheckout {
    private static final String CHECKOUT_REF = "refs/kong-gitops/checkout";
    private static final String BASE_REF = "refs/kong-gitops/base";
    private static final int TIMEOUT_SECONDS = 120;

    private String uri;
    private String ref;
    private String baseRef;
    private ObjectId baseCommit;
    private Path directory;
    private GitCredentials credentials = GitCredentials.NONE;
    private SshConfig ssh;
    private boolean called;

    GitCheckout setUri(String uri) {
        this.uri = uri;
        return this;
    }

    /** Branch, tag, full ref name or commit SHA; null or empty for the default branch. */
    GitCheckout setRef(String ref) {
        this.ref = ref;
        return this;
    }

    /** A second ref to fetch in the same clone, checked out later by {@link #checkoutBase()}; null for none. */
    GitCheckout setBaseRef(String baseRef) {
        this.baseRef = baseRef;
        return this;
    }

    /** The (not yet existing or empty) directory to check out into. */
    GitCheckout setDirectory(Path directory) {
        this.directory = directory;
        return this;
    }

    GitCheckout setCredentials(GitCredentials credentials) {
        this.credentials = credentials == null ? GitCredentials.NONE : credentials;
        return this;
    }

    /** SSH settings for ssh:// and scp-style URLs; null to use JGit's defaults. */
    GitCheckout setSsh(SshConfig ssh) {
        this.ssh = ssh;
        return this;
    }

    /** @return the SHA of the checked-out commit */
    String call() {
        if (called) {
            throw new IllegalStateException("GitCheckout is single use");
        }
        called = true;
        String display = RepoLocation.redact(uri);
        try {
            Map<String, Ref> advertised = Git.lsRemoteRepository().setRemote(uri).setCredentialsProvider(provider())
                    .setTransportConfigCallback(transport()).setTimeout(TIMEOUT_SECONDS).callAsMap();
            RefSelection selection = RefSelection.resolve(ref, advertised, display);
            RefSelection base = baseRef == null ? null : baseSelection(advertised, display);
            try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("kong-gitops").call()) {
                noAutoGc(git.getRepository());
                ObjectId commit = fetch(git, selection, "--ref " + ref, CHECKOUT_REF, display);
                if (base != null) baseCommit = fetch(git, base, "--base-ref " + baseRef, BASE_REF, display);
                git.checkout().setName(commit.name()).call();
                return commit.name();
            }
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw GitErrors.translate(e, display, credentials, ssh);
        }
    }

    /** After {@link #call()}: checks out the base commit in the same directory and returns its SHA. */
    String checkoutBase() {
        if (baseCommit == null) throw new IllegalStateException("no base ref was fetched");
        String display = RepoLocation.redact(uri);
        try (Git git = Git.open(directory.toFile())) {
            git.checkout().setName(baseCommit.name()).call();
            return baseCommit.name();
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw GitErrors.translate(e, display, credentials, ssh);
        }
    }

    /**
     * A throwaway checkout needs no garbage collection, and JGit's automatic one runs detached after every fetch: it
     * would still be working in the directory when the caller deletes it (an ERROR "Unlocking LockFile gc.log.lock
     * failed" and possibly files left behind).
     */
    private static void noAutoGc(Repository repo) throws IOException {
        StoredConfig config = repo.getConfig();
        config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
        config.save();
    }

    /** The base ref's selection; its errors name {@code --base-ref}. */
    private RefSelection baseSelection(Map<String, Ref> advertised, String display) {
        try {
            return RefSelection.resolve(baseRef, advertised, display);
        } catch (SourceException e) {
            throw new SourceException(e.getMessage().replace("--ref ", "--base-ref "));
        }
    }

    /** {@code given}: the flag and its value ({@code --ref main}), for messages. */
    private ObjectId fetch(Git git, RefSelection selection, String given, String localRef, String display)
            throws GitAPIException, IOException {
        if (selection.refName() != null) {
            fetch(git, new RefSpec("+" + selection.refName() + ":" + localRef), true);
            return commitOf(git.getRepository(), localRef, display);
        }
        if (selection.commit() != null && !isLocal()) {
            try {
                fetch(git, new RefSpec(selection.commit()), true);
                ObjectId id = resolveCommit(git.getRepository(), selection.commit());
                if (id != null) {
                    return id;
                }
            } catch (GitAPIException | JGitInternalException refusedOrMissing) {
                // the server does not serve unadvertised commits (or does not have it): look for it in the history
            }
        }
        fetch(git, new RefSpec("+refs/heads/*:refs/kong-gitops/heads/*"), false);
        fetch(git, new RefSpec("+refs/tags/*:refs/kong-gitops/tags/*"), false);
        String wanted = selection.commit() != null ? selection.commit() : selection.prefix();
        try {
            ObjectId id = resolveCommit(git.getRepository(), wanted);
            if (id == null) {
                throw new SourceException(given + " not found in " + display
                        + ": it is not a branch, tag or commit SHA there");
            }
            return id;
        } catch (AmbiguousObjectException e) {
            throw new SourceException(given + " is ambiguous in " + display
                    + ": give more digits of the commit SHA");
        }
    }

    /** A file:// remote: fetching its whole history costs no network, and JGit's local server prints refusals. */
    private boolean isLocal() {
        return uri.regionMatches(true, 0, "file:", 0, 5);
    }

    private void fetch(Git git, RefSpec spec, boolean shallow) throws GitAPIException {
        var fetch = git.fetch().setRemote(uri).setRefSpecs(spec).setTagOpt(TagOpt.NO_TAGS)
                .setCredentialsProvider(provider()).setTransportConfigCallback(transport()).setTimeout(TIMEOUT_SECONDS);
        // with a base ref, the two commits usually share history: a shallow head would hide an ancestor base
        if (shallow && baseRef == null) {
            fetch.setDepth(1);
        }
        fetch.call();
    }

    /** The commit {@code revision} names, or null when the repository does not have it. */
    private static ObjectId resolveCommit(Repository repo, String revision) throws IOException {
        try {
            return repo.resolve(revision + "^{commit}");
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return null;
        }
    }

    private static ObjectId commitOf(Repository repo, String refName, String display) throws IOException {
        ObjectId id = repo.resolve(refName + "^{commit}");
        if (id == null) {
            throw new SourceException("the ref fetched from " + display + " does not point at a commit");
        }
        return id;
    }

    private CredentialsProvider provider() {
        return credentials.present()
                ? new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()) : null;
    }

    private TransportConfigCallback transport() {
        return transport -> {
            if (ssh != null && transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh.factory());
            }
        };
    }
}
