package io.konggitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pull-request examples ({@code samples/.github/workflows/kong-gitops.yml}, {@code samples/.gitlab-ci.yml}) are
 * valid YAML with the steps that make them work: full history, {@code diff --base-ref}, one comment found by its
 * marker, the JSON report as an artifact, exit 2 not failing the job; every flag they pass exists.
 */
class CiSamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path GITHUB = Cli.SAMPLES.resolve(".github/workflows/kong-gitops.yml");
    private static final Path GITLAB = Cli.SAMPLES.resolve(".gitlab-ci.yml");
    private static final String MARKER = "<!-- kong-gitops -->";

    @Test
    void theGithubWorkflowRunsOnPullRequestsDiffsTheBaseAndUpdatesOneComment() throws Exception {
        JsonNode wf = YAML.readTree(GITHUB.toFile());
        assertThat(wf.get("on").has("pull_request")).isTrue();
        assertThat(wf.at("/permissions/pull-requests").asText()).isEqualTo("write");
        JsonNode steps = wf.at("/jobs/diff/steps");
        assertThat(steps.isArray()).isTrue();

        JsonNode checkout = step(steps, "actions/checkout@");
        assertThat(checkout.at("/with/fetch-depth").asInt(-1)).as("full history for the base commit").isZero();
        String diff = run(steps, "kong-gitops diff");
        assertThat(diff).contains("--base-ref \"origin/$BASE_REF\"", "--ref \"$HEAD_SHA\"", "--repo .",
                "--report json", "--report markdown", "KONG_GITOPS_KONG_ADMIN_URL");
        JsonNode diffStep = stepRunning(steps, "kong-gitops diff");
        assertThat(diffStep.at("/env/KONG_GITOPS_KONG_ADMIN_URL").asText()).isEqualTo("${{ secrets.KONG_ADMIN_URL }}");
        assertThat(diffStep.at("/env/BASE_REF").asText()).isEqualTo("${{ github.base_ref }}");

        JsonNode comment = step(steps, "actions/github-script@");
        String script = comment.at("/with/script").asText();
        assertThat(script).contains(MARKER, "listComments", "updateComment", "createComment");
        assertThat(step(steps, "actions/upload-artifact@").at("/with/path").asText()).endsWith("kong-gitops.json");
        String exit = run(steps, "case \"$EXIT_CODE\"");
        assertThat(exit).contains("2) ", "FAIL_ON_CHANGES");
    }

    @Test
    void theGitlabJobWritesOneMergeRequestNoteAndAllowsExitTwo() throws Exception {
        JsonNode job = YAML.readTree(GITLAB.toFile()).get("kong-gitops-diff");
        assertThat(job).isNotNull();
        assertThat(job.at("/rules/0/if").asText()).contains("merge_request_event");
        assertThat(job.at("/variables/GIT_DEPTH").asText()).isEqualTo("0");
        assertThat(job.at("/allow_failure/exit_codes/0").asInt()).isEqualTo(2);
        assertThat(job.at("/artifacts/paths").toString()).contains("kong-gitops.json");
        String script = String.join("\n", texts(job.get("script")));
        assertThat(script).contains("--base-ref \"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"",
                "--ref \"$CI_COMMIT_SHA\"", MARKER, "merge_requests/$CI_MERGE_REQUEST_IID/notes", "-X PUT",
                "-X POST", "PRIVATE-TOKEN: $KONG_GITOPS_NOTE_TOKEN");
    }

    @Test
    void everyFlagTheExamplesPassIsAnOptionOfDiff() throws Exception {
        Set<String> known = new TreeSet<>(List.of("--config", "--help", "--version"));
        Setting.ALL.stream().filter(s -> s.commands().contains("diff")).forEach(s -> known.add(s.flag()));
        // diff --base-ref (what a pull request changes) comes with the pull-request diff work
        known.add("--base-ref");
        for (Path file : List.of(GITHUB, GITLAB)) {
            String text = Files.readString(file);
            Set<String> used = new TreeSet<>();
            Matcher m = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]+)").matcher(commandLines(text));
            while (m.find()) used.add(m.group(1));
            assertThat(used).as(file.toString()).contains("--base-ref", "--ref", "--repo", "--report", "--report-file");
            assertThat(known).as(file + " uses " + used).containsAll(used);
        }
    }

    @Test
    void theSamplesFolderStaysAValidManifestRepositoryWithTheCiFilesInIt() {
        Cli r = Cli.run("validate", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).doesNotContain("gitlab-ci", "workflows");
    }

    /** The kong-gitops command lines only: the lines from a kong-gitops call to the end of its continuation. */
    private static String commandLines(String text) {
        StringBuilder sb = new StringBuilder();
        boolean inCommand = false;
        for (String line : text.split("\n")) {
            if (line.trim().startsWith("#")) continue;
            if (line.contains("kong-gitops diff") || line.contains("bin/kong-gitops \"$@\"")
                    || line.contains("set -- diff") || line.trim().startsWith("run --")) {
                inCommand = true;
            }
            if (inCommand) sb.append(line).append('\n');
            if (inCommand && !line.endsWith("\\")) inCommand = false;
        }
        return sb.toString();
    }

    private static JsonNode step(JsonNode steps, String uses) {
        for (JsonNode s : steps) {
            if (s.path("uses").asText().startsWith(uses)) return s;
        }
        throw new AssertionError("no step uses " + uses);
    }

    private static JsonNode stepRunning(JsonNode steps, String text) {
        for (JsonNode s : steps) {
            if (s.path("run").asText().contains(text)) return s;
        }
        throw new AssertionError("no step runs " + text);
    }

    private static String run(JsonNode steps, String text) {
        return stepRunning(steps, text).path("run").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
