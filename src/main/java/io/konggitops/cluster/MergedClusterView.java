package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The repository and the cluster seen together, for {@code --endpoints cluster}. Routing objects come from Git; Services,
 * EndpointSlices, Secrets and Namespaces come from the cluster, whose copy wins when both have one. A Service, Secret
 * or Namespace found only in the repository is still used (with a problem saying so); endpoints always come from the
 * cluster, so a repository-only Service has none. {@link #originOf} answers with the repository's file and line.
 */
public final class MergedClusterView implements ClusterView {
    /** Annotation prefixes that change the translation of a Service. */
    private static final List<String> TRANSLATED_ANNOTATION_PREFIXES = List.of("konghq.com/", "ingress.kubernetes.io/");

    private final ClusterView cluster;
    private final Map<Key, ManifestObject> repo;
    private final List<Problem> problems;

    private record Key(String kind, String namespace, String name) {
    }

    private MergedClusterView(ClusterView cluster, Map<Key, ManifestObject> repo, List<Problem> problems) {
        this.cluster = cluster;
        this.repo = repo;
        this.problems = List.copyOf(problems);
    }

    /**
     * {@code --endpoints cluster} in one call: reads what the manifests reference from the cluster (a client from
     * {@link ClusterClients#create}, closed afterwards) and merges the repository in.
     *
     * @throws ClusterAccessException when the cluster cannot be read completely
     */
    public static MergedClusterView load(Manifests manifests, ClusterOptions options) {
        return of(manifests, KubernetesClusterView.load(options, ClusterQuery.from(manifests)));
    }

    /** As {@link #load(Manifests, ClusterOptions)} with a client of the caller's (e.g. a mock server's). */
    public static MergedClusterView load(Manifests manifests, KubernetesClient client,
                                         Set<String> namespaceRestriction) {
        return of(manifests, KubernetesClusterView.load(client, ClusterQuery.from(manifests), namespaceRestriction,
                null));
    }

    /** Merges the repository's Services, EndpointSlices, Secrets and Namespaces into a cluster view. */
    public static MergedClusterView of(Manifests manifests, ClusterView cluster) {
        Objects.requireNonNull(cluster, "cluster");
        Map<Key, ManifestObject> repo = new HashMap<>();
        for (ManifestObject mo : manifests.objects()) {
            if (mo.object().getMetadata() == null || mo.kind() == null) continue;
            repo.putIfAbsent(new Key(mo.kind(), Namespaces.effective(mo.object()), mo.name()), mo);
        }
        List<Problem> problems = new ArrayList<>();
        new TreeMap<>(byName(repo)).values().forEach(mo -> compare(mo, cluster, problems));
        return new MergedClusterView(cluster, repo, problems);
    }

    private static Map<String, ManifestObject> byName(Map<Key, ManifestObject> repo) {
        Map<String, ManifestObject> sorted = new TreeMap<>();
        repo.forEach((k, v) -> sorted.put(k.kind + " " + k.namespace + "/" + k.name, v));
        return sorted;
    }

    private static void compare(ManifestObject mo, ClusterView cluster, List<Problem> problems) {
        String ns = Namespaces.orDefault(mo.namespace());
        ObjectRef ref = ObjectRef.of(mo.kind(), ns, mo.name());
        switch (mo.kind()) {
            case "Service" -> {
                Optional<Service> live = cluster.service(ns, mo.name());
                if (live.isEmpty()) {
                    problems.add(Problem.warning(ref, mo.origin(), "Service " + ns + "/" + mo.name()
                                    + " is in the repository but " + (wasRead(cluster, ns) ? "not in the cluster"
                                    : "in a namespace outside --namespaces") + "; the repository's copy is used and "
                                    + "it has no endpoints, so its Kong upstream gets no targets",
                            "apply the Service to the cluster (check its namespace and --namespaces)"));
                } else {
                    Set<String> differing = differingKeys(translatedAnnotations(mo.object()),
                            translatedAnnotations(live.get()));
                    if (!differing.isEmpty()) {
                        problems.add(Problem.warning(ref, mo.origin(), "Service " + ns + "/" + mo.name()
                                        + " differs between the repository and the cluster in annotations "
                                        + String.join(", ", differing) + "; the cluster's copy is used",
                                "apply the repository's Service to the cluster, or update the repository"));
                    }
                }
            }
            case "EndpointSlice" -> problems.add(Problem.info(ref, mo.origin(), "EndpointSlice " + ns + "/"
                            + mo.name() + " in the repository is ignored: endpoints are read from the cluster",
                    "remove it from the repository, or use --endpoints manifests to use repository endpoints"));
            case "Secret" -> {
                Optional<Secret> live = cluster.secret(ns, mo.name());
                if (live.isEmpty()) {
                    problems.add(Problem.warning(ref, mo.origin(), "Secret " + ns + "/" + mo.name()
                                    + " is in the repository but not in the cluster; the repository's copy is used",
                            "apply the Secret to the cluster, or grant \"get\" on it to the job"));
                } else {
                    Set<String> differing = mo.object() instanceof Secret repoSecret
                            ? differingKeys(secretData(repoSecret), secretData(live.get())) : Set.of();
                    if (!differing.isEmpty()) {
                        problems.add(Problem.info(ref, mo.origin(), "Secret " + ns + "/" + mo.name()
                                        + " differs between the repository and the cluster in keys "
                                        + String.join(", ", differing) + " (values not shown); the cluster's copy is used",
                                "update the repository or the cluster so both agree"));
                    }
                }
            }
            case "Namespace" -> {
                ObjectRef nsRef = ObjectRef.of("Namespace", "", mo.name());
                Optional<Namespace> live = cluster.namespace(mo.name());
                if (live.isEmpty()) {
                    problems.add(Problem.info(nsRef, mo.origin(), "Namespace " + mo.name()
                                    + " is in the repository but was not found (or not readable) in the cluster; "
                                    + "its labels are taken from the repository",
                            "apply the Namespace, or grant \"list\" on \"namespaces\" to the job"));
                } else {
                    Set<String> differing = differingKeys(labels(mo.object()), labels(live.get()));
                    if (!differing.isEmpty()) {
                        problems.add(Problem.warning(nsRef, mo.origin(), "Namespace " + mo.name()
                                        + " differs between the repository and the cluster in labels "
                                        + String.join(", ", differing)
                                        + "; the cluster's labels are used (Gateway allowedRoutes selectors)",
                                "apply the repository's Namespace to the cluster, or update the repository"));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static boolean wasRead(ClusterView cluster, String namespace) {
        return !(cluster instanceof KubernetesClusterView k) || k.namespacesRead().contains(namespace);
    }

    private static Map<String, String> translatedAnnotations(HasMetadata obj) {
        Map<String, String> out = new TreeMap<>();
        Map<String, String> annotations = obj.getMetadata().getAnnotations();
        if (annotations != null) {
            annotations.forEach((k, v) -> {
                if (TRANSLATED_ANNOTATION_PREFIXES.stream().anyMatch(k::startsWith)) out.put(k, v);
            });
        }
        return out;
    }

    private static Map<String, String> labels(HasMetadata obj) {
        return obj.getMetadata().getLabels() == null ? Map.of() : obj.getMetadata().getLabels();
    }

    /** Secret data as base64, {@code stringData} encoded the way the API server stores it. */
    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> out = new TreeMap<>();
        if (secret.getData() != null) out.putAll(secret.getData());
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> out.put(k,
                    Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    private static Set<String> differingKeys(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return keys;
    }

    private <T extends HasMetadata> Optional<T> fromRepo(Class<T> type, String kind, String namespace, String name) {
        ManifestObject mo = repo.get(new Key(kind, namespace, name));
        return mo != null && type.isInstance(mo.object()) ? Optional.of(type.cast(mo.object())) : Optional.empty();
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        String ns = Namespaces.orDefault(namespace);
        return cluster.service(ns, name).or(() -> fromRepo(Service.class, "Service", ns, name));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String service) {
        return cluster.endpointSlices(Namespaces.orDefault(namespace), service);
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        String ns = Namespaces.orDefault(namespace);
        return cluster.secret(ns, name).or(() -> fromRepo(Secret.class, "Secret", ns, name));
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return cluster.namespace(name).or(() -> fromRepo(Namespace.class, "Namespace", "", name));
    }

    @Override
    public TargetMode targetMode() {
        return cluster.targetMode();
    }

    @Override
    public Optional<Origin> originOf(String kind, String namespace, String name) {
        ManifestObject mo = repo.get(new Key(kind, namespace == null ? "" : namespace, name));
        if (mo == null && (namespace == null || namespace.isEmpty())) {
            mo = repo.get(new Key(kind, Namespaces.DEFAULT, name));
        }
        return mo != null ? Optional.of(mo.origin()) : cluster.originOf(kind, namespace, name);
    }

    @Override
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(cluster.problems());
        all.addAll(problems);
        return all;
    }
}
