package io.konggitops.config;

import io.konggitops.kong.RouterFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobConfigTest {

    @Test
    void defaultsAreWhatKicAndTheArchitectureSay() {
        JobConfig c = JobConfig.load(Map.of("repo", "samples"), Map.of(), null);
        assertThat(c.translation().ingressClass()).isEqualTo("kong");
        assertThat(c.translation().selectTag()).isEqualTo("managed-by:kong-gitops");
        assertThat(c.translation().kongVersion()).isEqualTo("3.9.1");
        assertThat(c.translation().routerFlavor()).isEqualTo(RouterFlavor.TRADITIONAL_COMPATIBLE);
        assertThat(c.translation().endpoints()).isEqualTo(EndpointsMode.AUTO);
        assertThat(c.sync().parallelism()).isEqualTo(10);
        assertThat(c.kong().readParallelism()).isEqualTo(10);
        assertThat(c.output().includeSecrets()).isFalse();
        assertThat(c.kong().tokenHeader()).isEqualTo("Kong-Admin-Token");
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "repo: from-file\nselect-tag: file-tag\ningress-class: file-class\n"
                + "namespaces: [a, b]\n");
        Map<String, String> env = Map.of("KONG_GITOPS_SELECT_TAG", "env-tag", "KONG_GITOPS_INGRESS_CLASS", "env-class");
        JobConfig c = JobConfig.load(Map.of("ingress-class", "flag-class"), env, file);
        assertThat(c.source().repo()).isEqualTo("from-file");
        assertThat(c.translation().selectTag()).isEqualTo("env-tag");
        assertThat(c.translation().ingressClass()).isEqualTo("flag-class");
        assertThat(c.cluster().namespaces()).containsExactly("a", "b");
    }

    @Test
    void theLeaseIsOnByDefaultAndThePushgatewayOff() {
        JobConfig c = JobConfig.load(Map.of("repo", "samples"), Map.of(), null);
        assertThat(c.lock()).isEqualTo(new JobConfig.Lock(true, "kong-gitops", null, java.time.Duration.ofSeconds(60)));
        assertThat(c.metrics().pushgatewayUrl()).isNull();

        JobConfig set = JobConfig.load(Map.of("repo", "samples", "no-lock", "true", "lock-name", "shop-kong",
                "lock-namespace", "ops", "lock-ttl", "2m"), Map.of("KONG_GITOPS_PUSHGATEWAY_URL", "http://pg:9091"),
                null);
        assertThat(set.lock()).isEqualTo(new JobConfig.Lock(false, "shop-kong", "ops", java.time.Duration.ofMinutes(2)));
        assertThat(set.metrics().pushgatewayUrl()).isEqualTo("http://pg:9091");
    }

    @Test
    void badLeaseAndPushgatewaySettingsAreReported() {
        assertThatThrownBy(() -> JobConfig.load(Map.of("repo", "samples", "lock-namespace", "Ops_NS", "lock-ttl",
                "1s", "pushgateway-url", "pg:9091"), Map.of(), null))
                .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> assertThat(m).contains("--lock-namespace"))
                        .anySatisfy(m -> assertThat(m).contains("--lock-ttl"))
                        .anySatisfy(m -> assertThat(m).contains("--pushgateway-url")));
    }

    @Test
    void everyBadSettingIsReportedAtOnce() {
        Map<String, String> flags = Map.of("router-flavor", "fancy", "parallelism", "0", "max-deletions", "lots",
                "kong-admin-url", "kong:8001", "report", "html");
        assertThatThrownBy(() -> JobConfig.load(flags, Map.of(), null))
                .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                        .hasSize(5)
                        .anySatisfy(m -> assertThat(m).contains("--router-flavor"))
                        .anySatisfy(m -> assertThat(m).contains("--parallelism"))
                        .anySatisfy(m -> assertThat(m).contains("--max-deletions"))
                        .anySatisfy(m -> assertThat(m).contains("--kong-admin-url"))
                        .anySatisfy(m -> assertThat(m).contains("--report")));
    }

    @Test
    void unknownKeysInTheConfigFileAreErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "repo: x\nkong-admin-token: do-not-put-secrets-here\n");
        assertThatThrownBy(() -> JobConfig.load(Map.of(), Map.of(), file))
                .hasMessageContaining("unknown setting 'kong-admin-token'")
                .hasMessageNotContaining("do-not-put-secrets-here");
    }

    @Test
    void clusterTimeoutsTakeUnitsOrPlainSeconds() {
        assertThat(JobConfig.load(Map.of("cluster-timeout", "500ms"), Map.of(), null).cluster().requestTimeout())
                .isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(JobConfig.load(Map.of(), Map.of("KONG_GITOPS_CLUSTER_TIMEOUT", "45"), null).cluster()
                .requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(JobConfig.load(Map.of(), Map.of(), null).cluster().retries()).isEqualTo(3);
        assertThatThrownBy(() -> JobConfig.load(Map.of("cluster-timeout", "soon", "cluster-retries", "99"), Map.of(),
                null)).hasMessageContaining("--cluster-timeout").hasMessageContaining("--cluster-retries");
    }

    @Test
    void envNamesAreTheFlagNamesInUpperCase() {
        assertThat(JobConfig.envName("kong-admin-url")).isEqualTo("KONG_GITOPS_KONG_ADMIN_URL");
    }

    @Test
    void secretsComeFromTheVariableOrFromTheFileItNames(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "s3cret\n");
        assertThat(Secrets.fromEnv(Map.of("T", "direct"), "T")).isEqualTo("direct");
        assertThat(Secrets.fromEnv(Map.of("T_FILE", f.toString()), "T")).isEqualTo("s3cret");
        assertThat(Secrets.fromEnv(Map.of(), "T")).isNull();
        assertThatThrownBy(() -> Secrets.fromEnv(Map.of("T", "a", "T_FILE", f.toString()), "T"))
                .isInstanceOf(Secrets.SecretException.class).hasMessageContaining("not both")
                .hasMessageNotContaining("s3cret");
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        assertThatThrownBy(() -> Secrets.fromEnv(Map.of("T_FILE", empty.toString()), "T"))
                .hasMessageContaining("empty file");
    }
    @Test
    void theSelectTagMustBeAValidKongTag() {
        for (String bad : new String[]{"a,b", "team/a", "tab\there"}) {
            assertThatThrownBy(() -> JobConfig.load(Map.of("select-tag", bad), Map.of(), null))
                    .isInstanceOf(JobConfig.InvalidConfigException.class)
                    .hasMessageContaining("--select-tag").hasMessageContaining("is not a valid Kong tag");
        }
        // spaces, colons and non-ASCII text are fine in Kong tags
        assertThat(JobConfig.load(Map.of("select-tag", "owner: équipe web"), Map.of(), null).translation()
                .selectTag()).isEqualTo("owner: équipe web");
    }

    @Test
    void tlsFilesMustHoldPem(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "hello\n");
        Path cert = Path.of("src/test/resources/tls/rsa8.crt");
        Path key = Path.of("src/test/resources/tls/rsa8.key");
        assertThat(JobConfig.load(Map.of("kong-ca-cert", cert.toString(), "kong-client-cert", cert.toString(),
                "kong-client-key", key.toString()), Map.of(), null).kong().caCert()).isEqualTo(cert);
        assertThatThrownBy(() -> JobConfig.load(Map.of("kong-ca-cert", notPem.toString(), "kong-client-cert",
                notPem.toString(), "kong-client-key", cert.toString()), Map.of(), null))
                .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                "--kong-ca-cert " + notPem + " holds no PEM certificate (expected -----BEGIN "
                                        + "CERTIFICATE-----)",
                                "--kong-client-cert " + notPem + " holds no PEM certificate (expected -----BEGIN "
                                        + "CERTIFICATE-----)",
                                "--kong-client-key " + cert + " holds no PEM private key (expected -----BEGIN "
                                        + "PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE "
                                        + "KEY-----)"));
    }

    @Test
    void namesUrlsAndHeadersAreChecked(@TempDir Path dir) {
        Map<String, String> flags = Map.of("kong-admin-url", "http://kong admin:8001", "namespaces", "shop,Bad_NS",
                "kong-workspace", "team a", "cluster-domain", "cluster.local.", "kong-header", "X@Bad:secret-value",
                "max-deletions", "150%", "report-file", dir.toString());
        assertThatThrownBy(() -> JobConfig.load(flags, Map.of(), null))
                .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                        .hasSize(7)
                        .anySatisfy(m -> assertThat(m).startsWith("--kong-admin-url must be an http:// or https://"))
                        .anySatisfy(m -> assertThat(m).contains("'Bad_NS' is not a Kubernetes namespace name"))
                        .anySatisfy(m -> assertThat(m).contains("'team a' is not a valid Kong workspace name"))
                        .anySatisfy(m -> assertThat(m).contains("--cluster-domain 'cluster.local.'"))
                        .anySatisfy(m -> assertThat(m).contains("'X@Bad' is not a valid HTTP header name"))
                        .anySatisfy(m -> assertThat(m).contains("at most 100%"))
                        .anySatisfy(m -> assertThat(m).contains("--report-file " + dir + " is a directory")))
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void whatACommandNeedsIsReportedWithTheOtherErrors() {
        assertThatThrownBy(() -> JobConfig.load("reconcile", Map.of("parallelism", "500"), Map.of(), null,
                List.of("set either T or T_FILE, not both")))
                .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                        .containsExactly("--parallelism must be between 1 and 100, not 500",
                                "set either T or T_FILE, not both",
                                "--repo (or KONG_GITOPS_REPO) is required: a Git URL or a local directory",
                                "--kong-admin-url (or KONG_GITOPS_KONG_ADMIN_URL) is required"));
        assertThat(JobConfig.load("diff", Map.of("repo", "r", "kong-state", "src/test/resources/tls/ec.crt"),
                Map.of(), null, List.of()).kong().adminUrl()).isNull();
        assertThat(JobConfig.load("render", Map.of("repo", "r"), Map.of(), null, List.of())).isNotNull();
    }

    @Test
    void readParallelismComesFromTheFlagOrTheEnvironmentAndIsAtLeastOne() {
        assertThat(JobConfig.load(Map.of("repo", "r"), Map.of("KONG_GITOPS_READ_PARALLELISM", "3"), null)
                .kong().readParallelism()).isEqualTo(3);
        assertThat(JobConfig.load(Map.of("repo", "r", "read-parallelism", "1"),
                Map.of("KONG_GITOPS_READ_PARALLELISM", "3"), null).kong().readParallelism()).isEqualTo(1);
        for (String bad : List.of("0", "-2", "101")) {
            assertThatThrownBy(() -> JobConfig.load(Map.of("repo", "r", "read-parallelism", bad), Map.of(), null))
                    .isInstanceOfSatisfying(JobConfig.InvalidConfigException.class, e -> assertThat(e.errors())
                            .containsExactly("--read-parallelism must be between 1 and 100, not " + bad));
        }
        assertThatThrownBy(() -> JobConfig.load(Map.of("repo", "r", "read-parallelism", "many"), Map.of(), null))
                .hasMessageContaining("--read-parallelism must be a whole number, not 'many'");
    }
}
