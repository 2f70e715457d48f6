package io.konggitops.source;

import io.konggitops.testing.git.OpenSshGitServer;
import io.konggitops.testing.git.OpenSshGitServer.KeyType;
import io.konggitops.testing.git.TestRepo;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.konggitops.source.ManifestLoaderTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checkouts over SSH from a real OpenSSH sshd (Debian's openssh-server) serving a bare repository with the system's
 * git-upload-pack, for each key type users have: Ed25519 (ssh-keygen's and GitHub's default), ECDSA and RSA, as client
 * keys and as host keys. Skipped when sshd is not installed, unless CI=true (then it fails).
 */
class OpenSshSourceTest {
    @TempDir
    Path dir;
    @TempDir
    Path work;

    private Path bare;
    private String head;
    private OpenSshGitServer server;

    @BeforeAll
    static void sshdInstalled() {
        OpenSshGitServer.requireInstalled();
    }

    @BeforeEach
    void repository() throws GitAPIException {
        try (TestRepo repo = TestRepo.init(dir.resolve("origin"))) {
            repo.write("k8s/svc.yaml", service("over-openssh"));
            head = repo.commit("first");
        }
        bare = dir.resolve("srv/manifests.git");
        Git.cloneRepository().setURI(dir.resolve("origin").toUri().toString()).setDirectory(bare.toFile())
                .setBare(true).call().close();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private Manifests load(Path sshKey, Path knownHosts) {
        return ManifestSource.load(new SourceSpec(server.url(bare), null, "k8s", GitCredentials.NONE, sshKey,
                knownHosts, 0), work);
    }

    private Path knownHosts(String content) throws IOException {
        return Files.writeString(dir.resolve("known_hosts"), content);
    }

    @ParameterizedTest(name = "{0} client key")
    @EnumSource(KeyType.class)
    void cloneWithAnOpenSshClientKeyOfEachType(KeyType clientKey) throws IOException {
        server = OpenSshGitServer.start(dir.resolve("sshd"), KeyType.ED25519);
        Path key = server.newClientKey(clientKey, dir.resolve("id_" + clientKey.name().toLowerCase()));
        Manifests m = load(key, knownHosts(server.knownHostsLine()));
        assertThat(m.commit()).isEqualTo(head);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("over-openssh");
        assertThat(server.logText()).contains("Accepted publickey for " + System.getProperty("user.name"));
        assertThat(work).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0} host key")
    @EnumSource(KeyType.class)
    void cloneFromAServerWithAHostKeyOfEachType(KeyType hostKey) throws IOException {
        server = OpenSshGitServer.start(dir.resolve("sshd"), hostKey);
        Path key = server.newClientKey(KeyType.ED25519, dir.resolve("id_ed25519"));
        Manifests m = load(key, knownHosts(server.knownHostsLine()));
        assertThat(m.commit()).isEqualTo(head);
        assertThat(m.objects()).extracting(ManifestObject::name).containsExactly("over-openssh");
    }

    @Test
    void anUnknownHostKeyIsRefusedBeforeAuthentication() throws IOException {
        server = OpenSshGitServer.start(dir.resolve("sshd"), KeyType.ED25519);
        Path key = server.newClientKey(KeyType.ED25519, dir.resolve("id_ed25519"));
        Path hosts = knownHosts("[127.0.0.1]:1 " + Files.readString(
                OpenSshGitServer.newUnknownKey(KeyType.ED25519, dir.resolve("other_host_key"))));
        String url = server.url(bare);
        assertThatThrownBy(() -> load(key, hosts))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("cannot connect to " + url + ": SSH host key of [127.0.0.1]:" + server.port()
                        + " is unknown")
                .hasMessageContaining(hosts.toString());
        assertThat(server.logText()).doesNotContain("Accepted publickey");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aChangedHostKeyIsRefused() throws IOException {
        server = OpenSshGitServer.start(dir.resolve("sshd"), KeyType.ED25519);
        Path key = server.newClientKey(KeyType.ED25519, dir.resolve("id_ed25519"));
        Path hosts = knownHosts(server.knownHostsLine(
                OpenSshGitServer.newUnknownKey(KeyType.ED25519, dir.resolve("other_host_key"))));
        assertThatThrownBy(() -> load(key, hosts))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("has CHANGED");
        assertThat(server.logText()).doesNotContain("Accepted publickey");
    }

    @Test
    void aClientKeyTheServerDoesNotAuthorizeFailsAsAuthentication() throws IOException {
        server = OpenSshGitServer.start(dir.resolve("sshd"), KeyType.ED25519);
        server.newClientKey(KeyType.ED25519, dir.resolve("id_authorized"));
        Path stranger = dir.resolve("id_stranger");
        OpenSshGitServer.newUnknownKey(KeyType.ED25519, stranger);
        Path hosts = knownHosts(server.knownHostsLine());
        assertThatThrownBy(() -> load(stranger, hosts))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("authentication failed for " + server.url(bare));
    }
}
