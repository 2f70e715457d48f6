package io.konggitops.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void noVariablesMeansNoCredentials() {
        assertThat(GitCredentials.fromEnvironment(Map.of("HOME", "/root"))).isEqualTo(GitCredentials.NONE);
        assertThat(GitCredentials.NONE.present()).isFalse();
    }

    @Test
    void tokenIsThePasswordOfUserXAccessToken() {
        GitCredentials c = GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_TOKEN", "ghp_abc"));
        assertThat(c).isEqualTo(new GitCredentials("x-access-token", "ghp_abc"));
    }

    @Test
    void tokenWithUsernameUsesThatUsername() {
        GitCredentials c = GitCredentials.fromEnvironment(
                Map.of("KONG_GITOPS_GIT_TOKEN", "glpat", "KONG_GITOPS_GIT_USERNAME", "oauth2"));
        assertThat(c).isEqualTo(new GitCredentials("oauth2", "glpat"));
    }

    @Test
    void usernameAndPassword() {
        GitCredentials c = GitCredentials.fromEnvironment(
                Map.of("KONG_GITOPS_GIT_USERNAME", "bob", "KONG_GITOPS_GIT_PASSWORD", "pw"));
        assertThat(c).isEqualTo(new GitCredentials("bob", "pw"));
    }

    @Test
    void fileVariantsAreReadAndLoseTheirTrailingNewline() throws IOException {
        Files.writeString(dir.resolve("token"), "s3cret-token\r\n");
        Files.writeString(dir.resolve("user"), "deploy\n");
        GitCredentials c = GitCredentials.fromEnvironment(Map.of(
                "KONG_GITOPS_GIT_TOKEN_FILE", dir.resolve("token").toString(),
                "KONG_GITOPS_GIT_USERNAME_FILE", dir.resolve("user").toString()));
        assertThat(c).isEqualTo(new GitCredentials("deploy", "s3cret-token"));
    }

    @Test
    void valueAndFileTogetherAreRefused() throws IOException {
        Files.writeString(dir.resolve("token"), "a");
        assertThatThrownBy(() -> GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_TOKEN", "b",
                "KONG_GITOPS_GIT_TOKEN_FILE", dir.resolve("token").toString())))
                .isInstanceOf(SourceException.class).hasMessageContaining("not both");
    }

    @Test
    void missingSecretFileNamesTheFileButNoSecret() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_PASSWORD_FILE",
                missing.toString(), "KONG_GITOPS_GIT_USERNAME", "u")))
                .isInstanceOf(SourceException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_USERNAME", "u")))
                .isInstanceOf(SourceException.class).hasMessageContaining("KONG_GITOPS_GIT_PASSWORD");
    }

    @Test
    void passwordWithoutUsernameIsRefused() {
        assertThatThrownBy(() -> GitCredentials.fromEnvironment(Map.of("KONG_GITOPS_GIT_PASSWORD", "p")))
                .isInstanceOf(SourceException.class).hasMessageContaining("KONG_GITOPS_GIT_USERNAME");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(new GitCredentials("bob", "hunter22").toString()).contains("bob").doesNotContain("hunter22");
    }
}
