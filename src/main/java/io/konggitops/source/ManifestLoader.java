package io.konggitops.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads Kubernetes objects from a directory tree: {@code *.yaml}, {@code *.yml}, {@code *.json}, recursively, in
 * sorted path order; multi-document files; empty documents skipped; each object keeps its file and line.
 * (Foundation version: the source stage hardens it with size limits, alias-bomb and symlink checks, {@code List}.)
 */
public final class ManifestLoader {
    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final ObjectMapper YAML = new YAMLMapper();

    private ManifestLoader() {
    }

    public static Manifests loadDirectory(Path root, String commit) {
        List<ManifestObject> objects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sorted = files.filter(Files::isRegularFile).filter(ManifestLoader::isManifest).sorted().toList();
            for (Path file : sorted) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                loadFile(file, rel, objects, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(commit, objects, problems);
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static void loadFile(Path file, String rel, List<ManifestObject> objects, List<Problem> problems) {
        try (JsonParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = YAML.readTree(parser);
                if (node == null || node.isEmpty()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = YAML.convertValue(node, Map.class);
                HasMetadata obj = K8S.convertValue(map, HasMetadata.class);
                objects.add(new ManifestObject(obj, Origin.of(rel, line)));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(null, Origin.of(rel, 0), "cannot parse: " + e.getMessage(),
                    "fix the YAML syntax of this file"));
        }
    }
}
