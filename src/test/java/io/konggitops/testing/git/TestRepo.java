package io.konggitops.testing.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Git work tree made with JGit for tests: write files, commit, branch, tag. Close it when done.
 *
 * <pre>
 * try (TestRepo repo = TestRepo.init(tempDir.resolve("manifests"))) {
 *     repo.write("apps/web.yaml", "apiVersion: v1\nkind: Service\n...");
 *     String sha = repo.commit("first");
 *     repo.tag("v1");
 * }
 * </pre>
 */
public final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path dir;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository with initial branch {@code main} in {@code dir} (created). */
    public static TestRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return git.getRepository();
    }

    /** Writes (replaces) a file relative to the work tree, creating folders. */
    public TestRepo write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a symlink {@code relative} pointing at {@code target} (as given, relative or absolute). */
    public TestRepo symlink(String relative, String target) {
        try {
            Path link = dir.resolve(relative);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything (including deletions) and commits; returns the commit SHA. */
    public String commit(String message) {
        return call(() -> {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            RevCommit c = git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                    .setCommitter("Test", "test@example.com").setSign(false).call();
            return c.name();
        });
    }

    /** Creates branch {@code name} at HEAD and checks it out. */
    public TestRepo branch(String name) {
        call(() -> git.checkout().setCreateBranch(true).setName(name).call());
        return this;
    }

    /** Checks out an existing branch. */
    public TestRepo checkout(String name) {
        call(() -> git.checkout().setName(name).call());
        return this;
    }

    /** A lightweight tag at HEAD. */
    public TestRepo tag(String name) {
        call(() -> git.tag().setName(name).setAnnotated(false).call());
        return this;
    }

    /** An annotated tag at HEAD. */
    public TestRepo annotatedTag(String name) {
        call(() -> git.tag().setName(name).setAnnotated(true).setMessage("release " + name)
                .setTagger(new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.com")).setSigned(false).call());
        return this;
    }

    @Override
    public void close() {
        git.close();
    }

    private interface GitCall<T> {
        T call() throws GitAPIException, IOException;
    }

    private static <T> T call(GitCall<T> c) {
        try {
            return c.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
