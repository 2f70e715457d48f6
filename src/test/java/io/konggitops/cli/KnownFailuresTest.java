package io.konggitops.cli;

import io.konggitops.testing.k8s.Kubeconfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every known way a run fails ends with a one-line message and exit 1, never a Java stack trace: neither in what the
 * command prints nor in the log (the process's real stderr, captured here).
 */
class KnownFailuresTest {
    private static final String SAMPLES = Cli.SAMPLES.toString();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream realErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureTheProcessStderr() {
        realErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(realErr);
    }

    private Cli fails(Map<String, String> env, String... args) {
        Cli r = Cli.run(env, args);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
        assertThat(r.err()).startsWith("kong-gitops: ");
        for (String text : new String[]{r.out(), r.err(), logged}) {
            assertThat(text).as("no stack trace in: %s", text).doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(")
                    .doesNotContain("Caused by:").doesNotContain("internal error");
        }
        return r;
    }

    @Test
    void aRepositoryThatDoesNotExist() {
        Cli r = fails(Map.of(), "render", "--repo", dir.resolve("nowhere").toString());
        assertThat(r.err()).contains("nowhere");
    }

    @Test
    void aSelectTagKongCannotStore() {
        Cli r = fails(Map.of(), "render", "--repo", SAMPLES, "--select-tag", "a,b");
        assertThat(r.err()).contains("--select-tag 'a,b' is not a valid Kong tag");
    }

    @Test
    void aCaCertificateThatIsNotPem() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), "not a certificate\n");
        Cli r = fails(Map.of(), "diff", "--repo", SAMPLES, "--endpoints", "manifests",
                "--kong-admin-url", "https://127.0.0.1:1", "--kong-ca-cert", ca.toString());
        assertThat(r.err()).contains("--kong-ca-cert " + ca + " holds no PEM certificate");
    }

    @Test
    void aClientKeyThatIsNotPem() throws Exception {
        Path cert = Path.of("src/test/resources/tls/rsa8.crt").toAbsolutePath();
        Path key = Files.writeString(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n");
        Cli r = fails(Map.of(), "diff", "--repo", SAMPLES, "--endpoints", "manifests",
                "--kong-admin-url", "https://127.0.0.1:1", "--kong-client-cert", cert.toString(),
                "--kong-client-key", key.toString());
        assertThat(r.err()).contains("--kong-client-key " + key);
    }

    @Test
    void aKongThatDoesNotAnswer() {
        Cli r = fails(Map.of(), "diff", "--repo", SAMPLES, "--endpoints", "manifests",
                "--kong-admin-url", "http://127.0.0.1:1");
        assertThat(r.err()).contains("127.0.0.1:1");
    }

    @Test
    void aDeckFileThatCannotBeRead() throws Exception {
        Path state = Files.writeString(dir.resolve("kong.yaml"), "services: [\n");
        Cli r = fails(Map.of(), "diff", "--repo", SAMPLES, "--endpoints", "manifests", "--kong-state",
                state.toString());
        assertThat(r.err()).contains(state.toString());
    }

    @Test
    void aSecretSetTwice() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cr3t-value\n");
        Cli r = fails(Map.of("KONG_GITOPS_GIT_TOKEN", "other-s3cr3t", "KONG_GITOPS_GIT_TOKEN_FILE", token.toString()),
                "render", "--repo", SAMPLES);
        assertThat(r.err()).contains("KONG_GITOPS_GIT_TOKEN_FILE").doesNotContain("s3cr3t");
    }

    @Test
    void anOutputFileThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Cli r = fails(Map.of(), "render", "--repo", SAMPLES, "--endpoints", "manifests", "--output",
                file.resolve("out.yaml").toString());
        assertThat(r.err()).contains("cannot write " + file.resolve("out.yaml"));
    }

    @Test
    void aClusterThatDoesNotAnswer() {
        Path kubeconfig = Kubeconfigs.write(dir.resolve("kubeconfig"), Map.of("dead", "https://127.0.0.1:1"));
        Cli r = fails(Map.of(), "render", "--repo", SAMPLES, "--endpoints", "cluster", "--kubeconfig",
                kubeconfig.toString(), "--cluster-retries", "0", "--cluster-timeout", "5s");
        assertThat(r.err()).contains("127.0.0.1:1");
    }

    @Test
    void everyBadSettingIsReportedAtOnceBeforeAnythingIsFetched() {
        Cli r = fails(Map.of(), "reconcile", "--select-tag", "a/b", "--parallelism", "0",
                "--kong-ca-cert", dir.resolve("missing.crt").toString());
        assertThat(r.err()).contains("--select-tag 'a/b'").contains("--parallelism")
                .contains("--kong-ca-cert").contains("--repo (or KONG_GITOPS_REPO) is required")
                .contains("--kong-admin-url (or KONG_GITOPS_KONG_ADMIN_URL) is required");
    }

    @Test
    void anUnexpectedExceptionIsOneInternalErrorLineWithoutItsStack() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.failed("diff", new IllegalStateException("boom\nsecond line"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(Main.ERROR);
        assertThat(printed).isEqualTo("kong-gitops: internal error: IllegalStateException: boom second line, please "
                + "report it (KONG_GITOPS_LOG_LEVEL=DEBUG shows the stack trace)" + System.lineSeparator());
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("IllegalStateException");
    }
}
