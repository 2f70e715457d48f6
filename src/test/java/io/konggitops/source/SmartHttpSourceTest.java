package io.konggitops.source;

import io.konggitops.testing.git.SmartHttpGitServer;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.konggitops.source.ManifestLoaderTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checkouts over Git smart HTTP with Basic auth, from {@link SmartHttpGitServer} on 127.0.0.1. */
class SmartHttpSourceTest {
    private static final String TOKEN = "ghp_S3cretT0ken";

    @TempDir
    Path dir;
    @TempDir
    Path work;

    private TestRepo repo;
    private SmartHttpGitServer server;
    private String first;
    private String head;
    private String url;

    @BeforeEach
    void serve() {
        repo = TestRepo.init(dir.resolve("origin"));
        repo.write("svc.yaml", service("first"));
        first = repo.commit("first");
        repo.write("svc.yaml", service("head"));
        head = repo.commit("head");
        server = SmartHttpGitServer.start().serve("team/manifests.git", repo.repository())
                .requireBasicAuth("x-access-token", TOKEN);
        url = server.url("team/manifests.git");
    }

    @AfterEach
    void stop() {
        server.close();
        repo.close();
    }

    private Manifests load(String repoUrl, String ref, GitCredentials credentials) {
        return ManifestSource.load(new SourceSpec(repoUrl, ref, "", credentials, null, null, 0), work);
    }

    @Test
    void tokenFromTheEnvironmentClonesTheDefaultBranch() {
        GitCredentials credentials = GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_TOKEN", TOKEN));
        Manifests m = load(url, null, credentials);
        assertThat(m.commit()).isEqualTo(head);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("head");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void serverSpeakingOnlyProtocolV0Works() {
        server.protocolV0Only();
        Manifests m = load(url, "main", new GitCredentials("x-access-token", TOKEN));
        assertThat(m.commit()).isEqualTo(head);
    }

    @Test
    void olderCommitByShaIsFetchedWhenTheServerAllowsIt() {
        Manifests m = load(url, first, new GitCredentials("x-access-token", TOKEN));
        assertThat(server.failedUploads()).isZero();
        assertThat(m.commit()).isEqualTo(first);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("first");
    }

    @Test
    void olderCommitByShaFallsBackToAFullFetchWhenTheServerRefusesUnadvertisedCommits() {
        server.refuseNonTipWants();
        Manifests m = load(url, first, new GitCredentials("x-access-token", TOKEN));
        assertThat(server.failedUploads()).as("the shallow fetch by SHA was refused").isPositive();
        assertThat(m.commit()).isEqualTo(first);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("first");
    }

    @Test
    void wrongPasswordFailsNamingTheUrlButNeverThePassword() {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> load(url, null, new GitCredentials("x-access-token", "wrong-Pa55word")));
        assertThat(e.getMessage()).startsWith("authentication failed for " + url)
                .doesNotContain("wrong-Pa55word").doesNotContain(TOKEN);
        assertThat(server.unauthorizedCount()).isPositive();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void missingCredentialsFailAsAuthentication() {
        assertThatThrownBy(() -> load(url, null, GitCredentials.NONE))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("authentication failed for " + url);
    }

    @Test
    void credentialsInTheUrlNeverAppearInTheMessage() {
        String withSecret = url.replace("http://", "http://bob:url-Secr3t@");
        SourceException e = catchThrowableOfType(SourceException.class, () -> load(withSecret, null, GitCredentials.NONE));
        assertThat(e.getMessage()).contains(url).doesNotContain("url-Secr3t").doesNotContain("bob");
    }

    @Test
    void repositoryThatDoesNotExistIsAClearError() {
        String missing = server.url("team/missing.git");
        assertThatThrownBy(() -> load(missing, null, new GitCredentials("x-access-token", TOKEN)))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("Git repository not found: " + missing);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void unknownRefOverHttpIsAClearError() {
        assertThatThrownBy(() -> load(url, "release-9", new GitCredentials("x-access-token", TOKEN)))
                .isInstanceOf(SourceException.class).hasMessageContaining("--ref release-9 not found in " + url);
    }
}
