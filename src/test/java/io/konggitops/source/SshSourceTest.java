package io.konggitops.source;

import io.konggitops.testing.git.SshGitServer;
import io.konggitops.testing.git.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.konggitops.source.ManifestLoaderTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkouts over SSH with a key and a known_hosts file, from {@link SshGitServer} on 127.0.0.1. */
class SshSourceTest {
    @TempDir
    Path dir;
    @TempDir
    Path work;

    private TestRepo repo;
    private SshGitServer server;
    private String head;
    private Path key;
    private Path knownHosts;
    private String url;

    @BeforeEach
    void serve() throws IOException {
        repo = TestRepo.init(dir.resolve("origin"));
        repo.write("k8s/svc.yaml", service("over-ssh"));
        head = repo.commit("first");
        repo.tag("v1");
        server = SshGitServer.start().serve("org/manifests.git", repo.repository());
        key = server.newClientKey(dir.resolve("id_ecdsa"));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        url = server.url("org/manifests.git");
    }

    @AfterEach
    void stop() {
        server.close();
        repo.close();
    }

    private Manifests load(String repoUrl, String ref, Path sshKey, Path hosts) {
        return ManifestSource.load(new SourceSpec(repoUrl, ref, "k8s", GitCredentials.NONE, sshKey, hosts, 0), work);
    }

    @Test
    void cloneWithKeyAndKnownHostsWorks() {
        Manifests m = load(url, null, key, knownHosts);
        assertThat(m.commit()).isEqualTo(head);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("over-ssh");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void tagOverSsh() {
        assertThat(load(url, "v1", key, knownHosts).commit()).isEqualTo(head);
    }

    @Test
    void unknownHostKeyFailsTheRun() throws IOException {
        Files.writeString(knownHosts, "");
        assertThatThrownBy(() -> load(url, null, key, knownHosts))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("cannot connect to " + url + ": SSH host key of [127.0.0.1]:")
                .hasMessageContaining("is unknown")
                .hasMessageContaining(knownHosts.toString());
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void changedHostKeyFailsTheRun() throws IOException {
        Files.writeString(knownHosts, server.knownHostsLine(SshGitServer.newKeyPair().getPublic()));
        assertThatThrownBy(() -> load(url, null, key, knownHosts))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("has CHANGED");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void keyTheServerDoesNotKnowFailsAsAuthentication() {
        Path stranger = dir.resolve("id_stranger");
        SshGitServer.writePrivateKey(SshGitServer.newKeyPair(), stranger);
        assertThatThrownBy(() -> load(url, null, stranger, knownHosts))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("authentication failed for " + url);
    }

    @Test
    void repositoryThatDoesNotExistOverSsh() {
        String missing = server.url("org/missing.git");
        assertThatThrownBy(() -> load(missing, null, key, knownHosts))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Git repository not found: " + missing);
    }

    @Test
    void missingKeyFileIsAClearError() {
        Path none = dir.resolve("no-key");
        assertThatThrownBy(() -> load(url, null, none, knownHosts))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("SSH key file " + none + " does not exist");
        assertThat(work).isEmptyDirectory();
    }
}
