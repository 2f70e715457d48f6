package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.konggitops.cluster.ClusterReader.Operation;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code --endpoints cluster}: Services, EndpointSlices, Secrets and Namespaces read from the Kubernetes API, all at
 * once in {@link #load}, then served from memory. Reads are batched: Services and EndpointSlices are listed (cluster
 * wide when RBAC allows and no {@code --namespaces} restriction is set, else per namespace), never fetched one by one;
 * Secrets are fetched by name, only those referenced. Any failure is a {@link ClusterAccessException}: a partial view
 * is never returned.
 */
public final class KubernetesClusterView implements ClusterView {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClusterView.class);
    /** Label that ties an EndpointSlice to its Service. */
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    private static final String DISCOVERY = "discovery.k8s.io";

    private final String apiServer;
    private final Set<String> namespacesRead;
    private final Map<ClusterQuery.Ref, Service> services;
    private final Map<ClusterQuery.Ref, List<EndpointSlice>> slicesByService;
    private final Map<ClusterQuery.Ref, Secret> secrets;
    private final Map<String, Namespace> namespaces;
    private final List<Problem> problems;

    private KubernetesClusterView(String apiServer, Set<String> namespacesRead, Map<ClusterQuery.Ref, Service> services,
                                  Map<ClusterQuery.Ref, List<EndpointSlice>> slicesByService,
                                  Map<ClusterQuery.Ref, Secret> secrets, Map<String, Namespace> namespaces,
                                  List<Problem> problems) {
        this.apiServer = apiServer;
        this.namespacesRead = Set.copyOf(namespacesRead);
        this.services = services;
        this.slicesByService = slicesByService;
        this.secrets = secrets;
        this.namespaces = namespaces;
        this.problems = List.copyOf(problems);
    }

    /** Reads everything the query needs with a client from {@link ClusterClients#create}; closes the client. */
    public static KubernetesClusterView load(ClusterOptions options, ClusterQuery query) {
        try (KubernetesClient client = ClusterClients.create(options)) {
            return load(client, query, options.namespaces(), options.requestTimeout());
        }
    }

    /** Reads everything the query needs, with no namespace restriction. */
    public static KubernetesClusterView load(KubernetesClient client, ClusterQuery query) {
        return load(client, query, Set.of(), null);
    }

    /**
     * Reads everything the query needs.
     *
     * @param restriction {@code --namespaces}: only these namespaces are read (per namespace, no cluster-wide list);
     *                    empty = every namespace the query names
     * @param timeout     the client's request timeout, for messages only (null = read from the client)
     * @throws ClusterAccessException when the API server cannot be reached, rejects the credentials or a request,
     *                                or times out
     */
    public static KubernetesClusterView load(KubernetesClient client, ClusterQuery query, Set<String> restriction,
                                             Duration timeout) {
        String apiServer = String.valueOf(client.getConfiguration().getMasterUrl());
        Duration t = timeout != null ? timeout
                : Duration.ofMillis(client.getConfiguration().getRequestTimeout() == null ? 0
                : client.getConfiguration().getRequestTimeout());
        ClusterReader reader = new ClusterReader(apiServer, t);
        List<Problem> problems = new ArrayList<>();

        Set<String> toRead = new TreeSet<>(query.namespaces());
        if (!restriction.isEmpty()) {
            for (String ns : query.namespaces()) {
                if (!restriction.contains(ns)) {
                    toRead.remove(ns);
                    problems.add(Problem.warning(ObjectRef.of("Namespace", "", ns), null,
                            "namespace " + ns + " is referenced by the manifests but is outside --namespaces "
                                    + String.join(",", restriction) + "; its Services, EndpointSlices and Secrets "
                                    + "are not read, so its backends resolve to nothing",
                            "add " + ns + " to --namespaces (and grant the job's RBAC there) or remove the "
                                    + "references to it"));
                }
            }
        }
        boolean clusterWide = restriction.isEmpty() && toRead.size() > 1;

        List<Service> serviceList = listNamespaced(reader, toRead, clusterWide, "services", "",
                ns -> opts -> ns == null ? client.services().inAnyNamespace().list(opts)
                        : client.services().inNamespace(ns).list(opts));
        List<EndpointSlice> sliceList = listNamespaced(reader, toRead, clusterWide, "endpointslices", DISCOVERY,
                ns -> opts -> ns == null ? client.discovery().v1().endpointSlices().inAnyNamespace().list(opts)
                        : client.discovery().v1().endpointSlices().inNamespace(ns).list(opts));

        Map<ClusterQuery.Ref, Service> services = new TreeMap<>();
        for (Service s : serviceList) {
            services.put(new ClusterQuery.Ref(s.getMetadata().getNamespace(), s.getMetadata().getName()), s);
        }
        Map<ClusterQuery.Ref, List<EndpointSlice>> slices = new TreeMap<>();
        for (EndpointSlice slice : sliceList) {
            Map<String, String> labels = slice.getMetadata().getLabels();
            String svc = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
            if (svc != null && !svc.isEmpty()) {
                slices.computeIfAbsent(new ClusterQuery.Ref(slice.getMetadata().getNamespace(), svc),
                        k -> new ArrayList<>()).add(slice);
            }
        }
        slices.replaceAll((k, v) -> v.stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName())).toList());

        Map<String, Namespace> namespaces = readNamespaces(client, reader, toRead, restriction, problems);

        Set<ClusterQuery.Ref> secretRefs = new TreeSet<>(query.secrets());
        services.values().forEach(s -> secretRefs.addAll(ClusterQuery.secretsReferencedBy(s)));
        Map<ClusterQuery.Ref, Secret> secrets = new TreeMap<>();
        for (ClusterQuery.Ref ref : secretRefs) {
            if (!toRead.contains(ref.namespace())) {
                continue;
            }
            Secret secret = reader.call(() -> client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get(),
                    Operation.get("secrets", "", ref.namespace(), ref.name()));
            if (secret != null) {
                secrets.put(ref, secret);
            }
        }
        LOG.info("read {} Services, {} EndpointSlices, {} Secrets, {} Namespaces from {} ({} namespaces, {})",
                services.size(), sliceList.size(), secrets.size(), namespaces.size(), apiServer, toRead.size(),
                clusterWide ? "cluster-wide lists" : "per-namespace lists");
        return new KubernetesClusterView(apiServer, toRead, services, slices, secrets, namespaces, problems);
    }

    /**
     * Lists a namespaced resource for the namespaces: one cluster-wide list (filtered to the namespaces) when
     * {@code clusterWide}, falling back to one list per namespace if RBAC denies the cluster-wide list.
     */
    private static <T extends HasMetadata> List<T> listNamespaced(
            ClusterReader reader, Set<String> namespaces, boolean clusterWide, String resource, String group,
            Function<String, Function<ListOptions, ? extends KubernetesResourceList<T>>> lister) {
        if (namespaces.isEmpty()) {
            return List.of();
        }
        if (clusterWide) {
            try {
                List<T> all = reader.listAll(lister.apply(null), Operation.list(resource, group, null));
                return all.stream().filter(o -> namespaces.contains(o.getMetadata().getNamespace())).toList();
            } catch (ClusterAccessException e) {
                if (!ClusterReader.isForbidden(e)) {
                    throw e;
                }
                LOG.info("cluster-wide list of {} denied on {}; listing per namespace", resource, reader.apiServer());
            }
        }
        List<T> out = new ArrayList<>();
        for (String ns : namespaces) {
            out.addAll(reader.listAll(lister.apply(ns), Operation.list(resource, group, ns)));
        }
        return out;
    }

    /** Namespace labels (Gateway {@code allowedRoutes}); a denial is a warning: only label selectors need them. */
    private static Map<String, Namespace> readNamespaces(KubernetesClient client, ClusterReader reader,
                                                         Set<String> toRead, Set<String> restriction,
                                                         List<Problem> problems) {
        Map<String, Namespace> out = new TreeMap<>();
        if (toRead.isEmpty()) {
            return out;
        }
        try {
            if (restriction.isEmpty()) {
                for (Namespace ns : reader.listAll(opts -> client.namespaces().list(opts),
                        Operation.list("namespaces", "", null))) {
                    out.put(ns.getMetadata().getName(), ns);
                }
            } else {
                for (String name : toRead) {
                    Namespace ns = reader.call(() -> client.namespaces().withName(name).get(),
                            Operation.get("namespaces", "", null, name));
                    if (ns != null) out.put(name, ns);
                }
            }
        } catch (ClusterAccessException e) {
            if (!ClusterReader.isForbidden(e)) {
                throw e;
            }
            out.clear();
            problems.add(Problem.warning(ObjectRef.of("Namespace", "", String.join(",", toRead)), null,
                    "cannot read Namespaces: " + e.getMessage() + "; namespace labels are unknown, so Gateway "
                            + "listeners with allowedRoutes.namespaces.from=Selector match no namespace",
                    "grant \"" + (restriction.isEmpty() ? "list" : "get")
                            + "\" on \"namespaces\" with a ClusterRole if you use namespace selectors"));
        }
        return out;
    }

    /** The API server this view was read from. */
    public String apiServer() {
        return apiServer;
    }

    /** The namespaces whose Services, EndpointSlices and Secrets were read. */
    public Set<String> namespacesRead() {
        return namespacesRead;
    }

    /** Every Service read, by namespace then name. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(services.get(new ClusterQuery.Ref(namespace, name)));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String service) {
        return slicesByService.getOrDefault(new ClusterQuery.Ref(namespace, service), List.of());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(new ClusterQuery.Ref(namespace, name)));
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @Override
    public TargetMode targetMode() {
        return TargetMode.ENDPOINTS;
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("apiServer", apiServer);
        summary.put("namespaces", namespacesRead);
        summary.put("services", services.size());
        summary.put("secrets", secrets.size());
        return "KubernetesClusterView" + summary;
    }
}
