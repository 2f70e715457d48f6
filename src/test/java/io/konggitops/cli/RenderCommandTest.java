package io.konggitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    /** The middle of the samples' throwaway private key: it must never appear unless asked for. */
    private static String samplePrivateKeyLine() throws Exception {
        String secret = Files.readString(Cli.SAMPLES.resolve("shop/secret-shop-tls.yaml"));
        String b64 = secret.lines().filter(l -> l.trim().startsWith("tls.key:")).findFirst().orElseThrow()
                .split(":", 2)[1].trim();
        String pem = new String(Base64.getDecoder().decode(b64));
        return pem.lines().skip(5).findFirst().orElseThrow();
    }

    @Test
    void rendersTheSamplesAsADeckFileWithTheCommitAndNoPrivateKey() throws Exception {
        Cli r = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("# kong-gitops render: ").contains("_format_version: \"3.0\"")
                .contains("name: shop.storefront.web.shop.example.com.80")
                .contains("name: platform.fallback")
                .contains("<redacted: run render --include-secrets to include>");
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("# kong-gitops render: .* @ [0-9a-f]{40}|.* @ local");
        assertThat(r.all()).doesNotContain(samplePrivateKeyLine());
    }

    @Test
    void renderIsByteIdenticalForIdenticalInput() {
        Cli first = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests");
        Cli second = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void includeSecretsGivesACompleteDeckFile() throws Exception {
        Cli r = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests", "--include-secrets");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(samplePrivateKeyLine()).doesNotContain("<redacted");
    }

    @Test
    void jsonOutputGoesToTheFileGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kong.json");
        Cli r = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests", "--format", "json",
                "-o", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("_format_version").asText()).isEqualTo("3.0");
        assertThat(json.get("services")).as("5 from Ingresses, 4 from samples/gateway HTTPRoutes").hasSize(9);
        assertThat(json.get("plugins")).as("4 from Kong CRDs, 5 from samples/gateway (filters, ExtensionRef)").hasSize(9);
        assertThat(json.get("consumers")).hasSize(1);
        assertThat(r.err()).contains("@");
    }

    @Test
    void serviceDnsModeTargetsTheServiceNames() {
        Cli r = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "service-dns");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("target: web.shop.svc:80").doesNotContain("10.244.1.10");
    }

    @Test
    void environmentTwinsWorkLikeFlags() {
        Cli r = Cli.run(java.util.Map.of("KONG_GITOPS_REPO", Cli.SAMPLES.toString(),
                "KONG_GITOPS_ENDPOINTS", "manifests", "KONG_GITOPS_SELECT_TAG", "team:platform"), "render");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("- team:platform").doesNotContain("managed-by:kong-gitops");
    }

    @Test
    void badSettingsAreAllReportedAndExitOne() {
        Cli r = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--router-flavor", "fancy", "--format", "xml");
        assertThat(r.exit()).isEqualTo(Main.ERROR);
        assertThat(r.err()).contains("--router-flavor").contains("--format");
    }

    @Test
    void aMissingRepoIsAClearError() {
        Cli r = Cli.run("render");
        assertThat(r.exit()).isEqualTo(Main.ERROR);
        assertThat(r.err()).contains("--repo (or KONG_GITOPS_REPO) is required");
    }
}
