package io.konggitops.source;

import io.konggitops.problem.Origin;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.konggitops.source.ManifestLoaderTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkouts over {@code file://} from a real repository with branches, tags and history. */
class GitCheckoutTest {
    @TempDir
    Path dir;
    @TempDir
    Path work;

    private TestRepo repo;
    private String first;
    private String second;
    private String feature;
    private String url;

    @BeforeEach
    void repository() {
        repo = TestRepo.init(dir.resolve("origin"));
        repo.write("apps/svc.yaml", service("first")).write("README.md", "docs");
        first = repo.commit("first");
        repo.annotatedTag("v1.0.0");
        repo.write("apps/svc.yaml", service("second"));
        second = repo.commit("second");
        repo.tag("latest");
        repo.branch("feature");
        repo.write("apps/svc.yaml", service("feature"));
        feature = repo.commit("feature");
        repo.checkout("main");
        url = repo.dir().toUri().toString();
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private Manifests load(String ref) {
        return load(ref, "");
    }

    private Manifests load(String ref, String path) {
        return ManifestSource.load(new SourceSpec(url, ref, path, GitCredentials.NONE, null, null, 0), work);
    }

    private static String name(Manifests m) {
        return m.objects().get(0).name();
    }

    @Test
    void defaultBranchIsCheckedOutAndTheTempDirectoryRemoved() {
        Manifests m = load(null);
        assertThat(m.commit()).isEqualTo(second);
        assertThat(name(m)).isEqualTo("second");
        assertThat(m.objects().get(0).origin()).isEqualTo(Origin.of("apps/svc.yaml", 1));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void branchByNameAndByFullRefName() {
        assertThat(load("feature").commit()).isEqualTo(feature);
        assertThat(name(load("refs/heads/feature"))).isEqualTo("feature");
    }

    @Test
    void annotatedAndLightweightTags() {
        Manifests annotated = load("v1.0.0");
        assertThat(annotated.commit()).isEqualTo(first);
        assertThat(name(annotated)).isEqualTo("first");
        assertThat(load("latest").commit()).isEqualTo(second);
    }

    @Test
    void fullShaOfACommitNoRefPointsAt() {
        Manifests m = load(first);
        assertThat(m.commit()).isEqualTo(first);
        assertThat(name(m)).isEqualTo("first");
    }

    @Test
    void shortShaOfABranchTipAndOfAnOlderCommit() {
        assertThat(load(feature.substring(0, 8)).commit()).isEqualTo(feature);
        assertThat(load(first.substring(0, 10)).commit()).isEqualTo(first);
    }

    @Test
    void pathSelectsASubfolderOfTheCheckout() {
        Manifests m = load("feature", "apps");
        assertThat(m.objects()).extracting(o -> o.origin().file()).containsExactly("apps/svc.yaml");
    }

    @Test
    void unknownRefIsAClearErrorAndTheTempDirectoryIsRemoved() {
        assertThatThrownBy(() -> load("no-such-branch"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("--ref no-such-branch not found")
                .hasMessageContaining(url);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void unknownShaIsAClearError() {
        assertThatThrownBy(() -> load("0123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(SourceException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> load("abcdef1"))
                .isInstanceOf(SourceException.class).hasMessageContaining("not found");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void repositoryThatDoesNotExistIsAClearError() {
        String missing = dir.resolve("missing.git").toUri().toString();
        assertThatThrownBy(() -> ManifestSource.load(SourceSpec.of(missing), work))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Git repository not found: " + missing);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void pathOutsideTheCheckoutIsRefusedAndTheTempDirectoryRemoved() {
        assertThatThrownBy(() -> load(null, "../../etc"))
                .isInstanceOf(SourceException.class).hasMessageContaining("outside the repository");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void symlinkCommittedToTheRepositoryPointingOutsideIsAProblem(@TempDir Path outside) throws Exception {
        java.nio.file.Files.writeString(outside.resolve("x.yaml"), service("outside"));
        repo.symlink("apps/link.yaml", outside.resolve("x.yaml").toString());
        String sha = repo.commit("symlink");
        Manifests m = load(sha);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("second");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.origin().file()).isEqualTo("apps/link.yaml");
            assertThat(p.message()).contains("outside the repository");
        });
    }
}
