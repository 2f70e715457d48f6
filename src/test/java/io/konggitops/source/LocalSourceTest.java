package io.konggitops.source;

import io.konggitops.problem.Origin;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.konggitops.source.ManifestLoaderTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSourceTest {
    @TempDir
    Path dir;

    private static SourceSpec spec(Path repo, String ref, String path) {
        return new SourceSpec(repo.toString(), ref, path, GitCredentials.NONE, null, null, 0);
    }

    @Test
    void plainDirectoryIsLoadedInPlaceWithCommitLocal() throws IOException {
        Files.writeString(dir.resolve("svc.yaml"), service("web"));
        Manifests m = ManifestSource.load(SourceSpec.of(dir.toString()));
        assertThat(m.commit()).isEqualTo("local");
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("web");
    }

    @Test
    void gitWorkTreeReportsItsHeadCommitAndUncommittedFilesLoadAsTheyAre() {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("svc.yaml", service("web"));
            String sha = repo.commit("first");
            repo.write("draft.yaml", service("draft"));
            Manifests m = ManifestSource.load(SourceSpec.of(repo.dir().toString()));
            assertThat(m.commit()).isEqualTo(sha);
            assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("draft", "web");
        }
    }

    @Test
    void pathSelectsASubfolderAndOriginsStayRelativeToTheRepositoryRoot() {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("envs/prod/svc.yaml", service("prod")).write("envs/dev/svc.yaml", service("dev"));
            repo.commit("envs");
            Manifests m = ManifestSource.load(spec(repo.dir(), null, "envs/prod"));
            assertThat(m.objects()).singleElement().extracting(ManifestObject::origin)
                    .isEqualTo(Origin.of("envs/prod/svc.yaml", 1));
        }
    }

    @Test
    void pathMayNameASingleFile() throws IOException {
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("k8s/one.yaml"), service("one"));
        Files.writeString(dir.resolve("k8s/two.yaml"), service("two"));
        Manifests m = ManifestSource.load(spec(dir, null, "k8s/two.yaml"));
        assertThat(m.objects()).extracting(o -> o.origin().toString()).containsExactly("k8s/two.yaml:1");
    }

    @Test
    void pathClimbingOutOfTheRepositoryIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(dir.resolve("other"));
        assertThatThrownBy(() -> ManifestSource.load(spec(dir.resolve("repo"), null, "../other")))
                .isInstanceOf(SourceException.class).hasMessageContaining("outside the repository");
        assertThatThrownBy(() -> ManifestSource.load(spec(dir.resolve("repo"), null, dir.resolve("other").toString())))
                .isInstanceOf(SourceException.class).hasMessageContaining("absolute");
    }

    @Test
    void pathThroughASymlinkOutOfTheRepositoryIsRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("svc.yaml"), service("outside"));
        Files.createDirectories(dir.resolve("repo"));
        Files.createSymbolicLink(dir.resolve("repo/escape"), outside);
        assertThatThrownBy(() -> ManifestSource.load(spec(dir.resolve("repo"), null, "escape")))
                .isInstanceOf(SourceException.class).hasMessageContaining("outside the repository")
                .hasMessageContaining("symlink");
    }

    @Test
    void missingPathIsAClearError() throws IOException {
        Files.createDirectories(dir.resolve("repo"));
        assertThatThrownBy(() -> ManifestSource.load(spec(dir.resolve("repo"), null, "nope")))
                .isInstanceOf(SourceException.class).hasMessageContaining("'nope' does not exist");
    }

    @Test
    void refOnALocalGitRepositoryChecksOutThatRefInATemporaryDirectory(@TempDir Path work) {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("svc.yaml", service("v1"));
            String v1 = repo.commit("v1");
            repo.tag("v1");
            repo.write("svc.yaml", service("v2"));
            repo.commit("v2");
            Manifests m = ManifestSource.load(spec(repo.dir(), "v1", ""), work);
            assertThat(m.commit()).isEqualTo(v1);
            assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("v1");
            assertThat(work).isEmptyDirectory();
        }
    }

    @Test
    void bareRepositoryIsCheckedOutAtItsDefaultBranch(@TempDir Path work) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("svc.yaml", service("from-bare"));
            String sha = repo.commit("first");
            Path bare = dir.resolve("bare.git");
            org.eclipse.jgit.api.Git.cloneRepository().setBare(true).setURI(repo.dir().toUri().toString())
                    .setDirectory(bare.toFile()).call().close();
            Manifests m = ManifestSource.load(spec(bare, null, ""), work);
            assertThat(m.commit()).isEqualTo(sha);
            assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("from-bare");
            assertThat(work).isEmptyDirectory();
        }
    }

    @Test
    void refOnAPlainDirectoryIsRefused() {
        assertThatThrownBy(() -> ManifestSource.load(spec(dir, "main", "")))
                .isInstanceOf(SourceException.class).hasMessageContaining("--ref needs a Git repository");
    }
}
