package io.konggitops.source;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
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
 *       path; objects in file order, then document order (see {@link ManifestFiles} for symlink rules). Files are
 *       parsed and converted in parallel, one per core ({@link ParallelFiles}); objects and problems come out in the
 *       same order as a serial load.</li>
 *   <li>Documents: multi-document YAML, empty documents skipped; {@code kind: List} (and any {@code *List} kind with
 *       {@code items}) is expanded into its items. Objects of the kinds kong-gitops reads are typed by fabric8
 *       ({@code Ingress}, {@code Service}...; CRDs without a model such as KongPlugin are
 *       {@code GenericKubernetesResource}, see {@link ManifestTypes}); objects of other kinds (a Deployment, a
 *       ConfigMap) keep only apiVersion, kind and metadata ({@link OtherKinds}).</li>
 *   <li>Strictness, as {@code kubectl apply} and Argo CD: a document that is not a mapping, or has no
 *       {@code apiVersion}/{@code kind}, an object without {@code metadata.name}, and an unknown kind in an API group
 *       kong-gitops reads ({@code kind: Ingres} in networking.k8s.io, see {@link KnownKinds}) are ERROR problems, never
 *       silently skipped: skipping a broken object would make the next reconcile delete what it configured. Objects of
 *       other groups (a Deployment, a cert-manager Certificate) are loaded (header only) and ignored downstream. The same
 *       kind, namespace and name twice is an ERROR naming both places (see {@link DuplicateObjects}).</li>
 *   <li>Namespaces: a namespaced object without {@code metadata.namespace} is put in {@code default} here, as
 *       {@code kubectl apply} does, so every later stage sees {@code default}; cluster-scoped kinds (IngressClass,
 *       GatewayClass, Namespace, KongClusterPlugin...) keep none.</li>
 *   <li>Origins: {@code file:line}, the file relative to the <b>repository root</b> (not to {@code --path}), so a
 *       user finds it in the repository; the line is where the object's mapping starts (for a List item, the item's
 *       line in YAML, the List's line in JSON).</li>
 *   <li>Safety: a file over {@code maxFileBytes}, malformed YAML/JSON ({@code file:line} of the error) and YAML alias
 *       bombs are ERROR problems and the file is skipped; the other files still load.</li>
 * </ul>
 */
public final class ManifestLoader {
    /** The namespace of a namespaced object that names none (as {@code kubectl apply}). */
    public static final String DEFAULT_NAMESPACE = "default";
    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final String NOT_AN_OBJECT_HINT = "every YAML document in the manifest folder must be a Kubernetes "
            + "object with apiVersion, kind and metadata.name (as kubectl apply requires); fix a misspelt key, or move "
            + "other YAML (Helm values, CI files) out of the manifest folder or narrow --path";

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
        List<ManifestFiles.ManifestFile> files = ManifestFiles.list(realRoot, start, problems);
        for (Loaded loaded : ParallelFiles.map(files, file -> loadFile(file, maxFileBytes))) {
            objects.addAll(loaded.objects());
            problems.addAll(loaded.problems());
        }
        return new Manifests(commit, DuplicateObjects.remove(objects, problems), problems);
    }

    /** What one file gave: its objects and problems, in document order. */
    private record Loaded(List<ManifestObject> objects, List<Problem> problems) {
    }

    private static Loaded loadFile(ManifestFiles.ManifestFile file, long maxFileBytes) {
        List<ManifestObject> objects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        loadFile(file, maxFileBytes, objects, problems);
        return new Loaded(objects, problems);
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
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(Problem.error(null, origin, "document is a " + (value instanceof List ? "list" : "plain value")
                    + ", not a Kubernetes object; nothing in it is used", NOT_AN_OBJECT_HINT));
            return;
        }
        if (!isText(map.get("apiVersion")) || !isText(map.get("kind"))) {
            problems.add(Problem.error(null, origin, "document is not a Kubernetes object: it has no "
                    + (isText(map.get("apiVersion")) ? "kind" : isText(map.get("kind")) ? "apiVersion"
                    : "apiVersion and no kind") + "; nothing in it is used", NOT_AN_OBJECT_HINT));
            return;
        }
        String apiVersion = (String) map.get("apiVersion");
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
        KnownKinds.Scope scope = KnownKinds.scope(apiVersion, kind);
        if (scope == KnownKinds.Scope.UNKNOWN) {
            problems.add(unknownKind(ref(kind, map), origin, apiVersion, kind));
            return;
        }
        if (!(map.get("metadata") instanceof Map<?, ?> meta) || !isText(meta.get("name"))) {
            problems.add(Problem.error(ref(kind, map), origin, "this " + kind + " has no metadata.name (or it is not "
                    + "a string); the object is not used", "give the object a name under metadata.name, as the "
                    + "Kubernetes API requires (quote a name that YAML would read as a number)"));
            return;
        }
        HasMetadata object;
        boolean namespaced;
        try {
            OtherKinds.Header header = ManifestTypes.isRead(apiVersion, kind) ? null
                    : OtherKinds.header(K8S, apiVersion, kind, meta, scope);
            if (header != null) {
                object = header.object();
                namespaced = header.namespaced();
            } else {
                object = K8S.convertValue(map, ManifestTypes.classFor(apiVersion, kind));
                namespaced = scope == KnownKinds.Scope.NAMESPACED
                        || (scope == KnownKinds.Scope.FOREIGN && object instanceof Namespaced);
            }
        } catch (RuntimeException e) {
            problems.add(Problem.error(ref(kind, map), origin, "cannot read this " + kind + ": " + shortMessage(e),
                    "fix the object so it matches the " + kind + " schema"));
            return;
        }
        defaultNamespace(object, namespaced);
        objects.add(new ManifestObject(object, origin));
    }

    /**
     * As {@code kubectl apply}: a namespaced object without {@code metadata.namespace} belongs to {@code default}.
     * Cluster-scoped kinds keep none; an object of a group kong-gitops does not read is defaulted only when fabric8
     * knows it is namespaced (a Deployment), else left as written (a CRD of unknown scope).
     */
    private static void defaultNamespace(HasMetadata object, boolean namespaced) {
        String namespace = object.getMetadata().getNamespace();
        if (namespaced && (namespace == null || namespace.isBlank())) {
            object.getMetadata().setNamespace(DEFAULT_NAMESPACE);
        }
    }

    private static Problem unknownKind(ObjectRef ref, Origin origin, String apiVersion, String kind) {
        String group = KnownKinds.group(apiVersion);
        String suggestion = KnownKinds.suggestion(apiVersion, kind);
        String groupName = group.isEmpty() ? "the core API group (apiVersion v1)" : "API group " + group;
        return Problem.error(ref, origin, "unknown kind " + kind + " in " + groupName
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                + "; the Kubernetes API would refuse it, and ignoring it could delete what it configured before",
                "fix the kind (the known kinds of this group are " + String.join(", ", KnownKinds.kinds(group))
                        + "); if it is a newer kind kong-gitops does not know, move it out of the manifest folder");
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
