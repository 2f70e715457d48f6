package io.konggitops.source;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads Kubernetes objects from a folder of a checked-out repository (or any directory).
 *
 * <ul>
 *   <li>Files: {@code *.yaml}, {@code *.yml}, {@code *.json} below the folder, hidden directories skipped, sorted by
 *       path; objects in file order, then document order (see {@link ManifestFiles} for symlink rules).</li>
 *   <li>Documents: multi-document YAML, empty documents skipped; {@code kind: List} (and any {@code *List} kind with
 *       {@code items}) is expanded into its items; a document without {@code apiVersion}/{@code kind} is a WARNING
 *       and skipped. Objects are typed by fabric8 ({@code Ingress}, {@code Service}...; CRDs without a model such as
 *       KongPlugin are {@code GenericKubernetesResource}).</li>
 *   <li>Origins: {@code file:line}, the file relative to the <b>repository root</b> (not to {@code --path}), so a
 *       user finds it in the repository; the line is where the object's mapping starts (for a List item, the item's
 *       line in YAML, the List's line in JSON).</li>
 *   <li>Safety: a file over {@code maxFileBytes}, malformed YAML/JSON ({@code file:line} of the error) and YAML alias
 *       bombs are ERROR problems and the file is skipped; the other files still load.</li>
 * </ul>
 */
public final class ManifestLoader {
    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    private ManifestLoader() {
    }

    /** Loads every manifest below {@code root}; origins relative to {@code root}; the default size limit. */
    public static Manifests loadDirectory(Path root, String commit) {
        return load(root, "", commit, SourceSpec.DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Loads the manifests below {@code subPath} of {@code repoRoot}, origins relative to {@code repoRoot}.
     *
     * @throws SourceException when {@code subPath} is outside the repository or missing
     */
    public static Manifests load(Path repoRoot, String subPath, String commit, long maxFileBytes) {
        Path realRoot = PathSafety.realRoot(repoRoot);
        Path start = PathSafety.resolveSubPath(realRoot, subPath);
        List<ManifestObject> objects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ManifestFiles.ManifestFile file : ManifestFiles.list(realRoot, start, problems)) {
            loadFile(file, maxFileBytes, objects, problems);
        }
        return new Manifests(commit, objects, problems);
    }

    private static void loadFile(ManifestFiles.ManifestFile file, long maxFileBytes, List<ManifestObject> objects,
                                 List<Problem> problems) {
        String rel = file.relative();
        List<YamlDocuments.Document> documents;
        try {
            long size = Files.size(file.real());
            if (size > maxFileBytes) {
                problems.add(Problem.error(null, Origin.of(rel, 0), "file is " + size + " bytes, over the limit of "
                        + maxFileBytes + " bytes; not loaded", "split the file, or raise the file size limit"));
                return;
            }
            documents = YamlDocuments.read(file.real(), maxFileBytes);
        } catch (YamlDocuments.YamlSyntaxException e) {
            problems.add(Problem.error(null, Origin.of(rel, e.line()), e.getMessage() + "; file not loaded",
                    "fix this file; none of its objects are used until it parses"));
            return;
        } catch (IOException e) {
            problems.add(Problem.error(null, Origin.of(rel, 0), "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check that the file is UTF-8 and readable"));
            return;
        }
        for (YamlDocuments.Document doc : documents) {
            addDocument(doc.value(), Origin.of(rel, doc.line()), doc.itemLines(), objects, problems);
        }
    }

    private static void addDocument(Object value, Origin origin, List<Integer> itemLines, List<ManifestObject> objects,
                                    List<Problem> problems) {
        if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
            return;
        }
        if (value instanceof Map<?, ?> deck && deck.containsKey("_format_version")) {
            problems.add(Problem.info(null, origin, "decK file, not a Kubernetes manifest; skipped",
                    "nothing to do; keep decK files out of the manifest folder to silence this"));
            return;
        }
        if (!(value instanceof Map<?, ?> map) || !isText(map.get("apiVersion")) || !isText(map.get("kind"))) {
            problems.add(Problem.warning(null, origin, "document is not a Kubernetes object (no apiVersion and kind); "
                    + "skipped", "add apiVersion and kind, or move non-Kubernetes YAML out of the manifest folder"));
            return;
        }
        String kind = (String) map.get("kind");
        if (kind.equals("List") && map.get("items") == null) {
            return;
        }
        if (kind.endsWith("List") && map.get("items") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                int line = i < itemLines.size() && itemLines.get(i) > 0 ? itemLines.get(i) : origin.line();
                addDocument(items.get(i), Origin.of(origin.file(), line), List.of(), objects, problems);
            }
            return;
        }
        try {
            HasMetadata object = K8S.convertValue(map,
                    ManifestTypes.classFor((String) map.get("apiVersion"), kind));
            objects.add(new ManifestObject(object, origin));
        } catch (RuntimeException e) {
            problems.add(Problem.error(ref(kind, map), origin, "cannot read this " + kind + ": " + shortMessage(e),
                    "fix the object so it matches the " + kind + " schema"));
        }
    }

    private static ObjectRef ref(String kind, Map<?, ?> map) {
        String namespace = null;
        String name = null;
        if (map.get("metadata") instanceof Map<?, ?> meta) {
            namespace = meta.get("namespace") instanceof String s ? s : null;
            name = meta.get("name") instanceof String s ? s : null;
        }
        return ObjectRef.of(kind, namespace, name);
    }

    private static boolean isText(Object o) {
        return o instanceof String s && !s.isBlank();
    }

    private static String shortMessage(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        int at = m.indexOf(" at [Source");
        return (at < 0 ? m : m.substring(0, at)).trim();
    }
}
