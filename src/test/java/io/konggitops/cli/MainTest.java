package io.konggitops.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void versionPrintsTheProjectVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("kong-gitops \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @Test
    void helpOfACommandListsEveryOptionWithItsEnvironmentTwin() {
        Cli r = Cli.run("reconcile", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--kong-admin-url").contains("KONG_GITOPS_KONG_ADMIN_URL")
                .contains("--max-deletions").contains("KONG_GITOPS_MAX_DELETIONS").contains("--dry-run")
                .contains("--read-parallelism").contains("KONG_GITOPS_READ_PARALLELISM");
        assertThat(Cli.run("diff", "--help").out()).contains("--read-parallelism");
    }

    @Test
    void everySettingsHelpSurvivesPicocliFormattingSoPercentSignsPrintAsWritten() {
        // picocli runs descriptions through String.format: an unescaped % makes it warn and print the raw text
        for (Setting s : Setting.ALL) {
            String formatted = String.format(Main.optionDescription(s));
            assertThat(formatted).as(s.flag()).isEqualTo(s.help() + " [env " + s.env() + "]");
        }
        Cli r = Cli.run("reconcile", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("P% of the managed ones")
                .contains("(default 30% once 10 or more");
    }

    @Test
    void anUnknownFlagIsAClearErrorWithWhereToLook() {
        Cli r = Cli.run("diff", "--kong-admin-ulr", "http://x");
        assertThat(r.exit()).isEqualTo(Main.ERROR);
        assertThat(r.err()).contains("--kong-admin-ulr").contains("kong-gitops diff --help");
    }
}
