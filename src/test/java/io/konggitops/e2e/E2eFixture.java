package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.git.TestRepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One end-to-end setup: a real Git repository of manifests (cloned by the CLI over {@code file://}), a stateful
 * {@link KongDouble}, and {@link Main#run} in-process with {@code --endpoints manifests}. Close it when done.
 */
final class E2eFixture implements AutoCloseable {
    static final String TAG = "managed-by:kong-gitops";
    static final Path SAMPLES = Path.of("samples").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    final TestRepo repo;
    final KongDouble kong;
    final Map<String, String> env = new LinkedHashMap<>();
    private String adminUrl;

    E2eFixture(Path tempDir, io.konggitops.testing.kong.KongDoubleBuilder kong) {
        this.repo = TestRepo.init(tempDir.resolve("manifests"));
        try {
            this.kong = kong.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.adminUrl = this.kong.baseUrl();
    }

    E2eFixture(Path tempDir) {
        this(tempDir, KongDouble.builder());
    }

    /** Points the CLI at another Admin API address (e.g. a WireMock proxy in front of the double). */
    E2eFixture adminUrl(String url) {
        this.adminUrl = url;
        return this;
    }

    String repoUrl() {
        return repo.dir().toUri().toString().replaceFirst("^file:/+", "file:///");
    }

    /** Copies {@code samples/<folder>} (all of it when folder is "") into the repository under the same path. */
    E2eFixture copySamples(String... folders) {
        for (String folder : folders) {
            Path from = SAMPLES.resolve(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml"))
                        .filter(p -> !p.getFileName().toString().equals("kong-state.yaml")).toList()) {
                    repo.write(SAMPLES.relativize(f).toString(), Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** What one CLI run returned and printed. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** {@code kong-gitops <command> --repo <file://...> --endpoints manifests --kong-admin-url <double> <extra>}. */
    Run cli(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--repo", repoUrl(), "--endpoints", "manifests"));
        if (!command.equals("render") && !command.equals("validate")) {
            args.add("--kong-admin-url");
            args.add(adminUrl);
        }
        args.addAll(List.of(extra));
        return runMain(args, env);
    }

    static Run runMain(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run reconcile(String... extra) {
        return cli("reconcile", extra);
    }

    Run diff(String... extra) {
        return cli("diff", extra);
    }

    /** Every entity of one kind in the double. */
    List<ObjectNode> all(String entity) {
        return kong.store().all(entity);
    }

    List<String> names(String entity, String field) {
        return all(entity).stream().map(n -> n.path(field).asText()).sorted().toList();
    }

    /** An entity body (as sent to Kong) as a JSON string. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kong.close();
        repo.close();
    }
}
