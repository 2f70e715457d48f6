package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects of kinds kong-gitops does not read (a Deployment, a ConfigMap, a cert-manager Certificate): they are kept,
 * so that duplicates are found and their namespaces are known, but only their {@code apiVersion}, {@code kind} and
 * {@code metadata} are converted (a {@link GenericKubernetesResource} without the rest). Converting the whole
 * object would cost time for nothing, and for a kind fabric8 has no direct class for it would go through fabric8's
 * polymorphic registry, which loads every model class on first use.
 *
 * <p>The scope (for namespace defaulting, as {@code kubectl apply}): kinds of the groups kong-gitops reads get it
 * from {@link KnownKinds}. Kinds of other groups are namespaced when fabric8's model class says so
 * ({@link Namespaced}): the common built-in kinds are in {@link #BUILT_IN}, read from the classes themselves; a
 * group that is not a built-in Kubernetes group (a CRD's, {@code cert-manager.io}) has no fabric8 model, so such an
 * object is left as written, as fabric8 would leave a {@code GenericKubernetesResource}. Any other built-in kind
 * ({@link #header} returns null) is converted through fabric8's registry, as before.
 */
final class OtherKinds {
    /** Built-in kinds that repositories hold beside routing manifests; scope from their fabric8 classes. */
    private static final List<Class<? extends HasMetadata>> BUILT_IN = List.of(
            io.fabric8.kubernetes.api.model.apps.Deployment.class,
            io.fabric8.kubernetes.api.model.apps.StatefulSet.class,
            io.fabric8.kubernetes.api.model.apps.DaemonSet.class,
            io.fabric8.kubernetes.api.model.apps.ReplicaSet.class,
            io.fabric8.kubernetes.api.model.batch.v1.Job.class,
            io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
            io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class,
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            io.fabric8.kubernetes.api.model.rbac.Role.class,
            io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
            io.fabric8.kubernetes.api.model.rbac.ClusterRole.class,
            io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class,
            io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration.class,
            io.fabric8.kubernetes.api.model.storage.StorageClass.class,
            io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass.class,
            io.fabric8.kubernetes.api.model.coordination.v1.Lease.class);

    private OtherKinds() {
    }

    /** Whether fabric8 may have a model for kinds of this group: the core group and Kubernetes' own groups. */
    static boolean isBuiltInGroup(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    /**
     * The object with only its apiVersion, kind and metadata, and whether it is namespaced; null when the scope of
     * this built-in kind is not known here (the caller converts it through fabric8's registry).
     *
     * @param scope the kind's scope per {@link KnownKinds}
     */
    static Header header(KubernetesSerialization k8s, String apiVersion, String kind, Map<?, ?> metadata,
                         KnownKinds.Scope scope) {
        boolean namespaced;
        if (scope == KnownKinds.Scope.FOREIGN) {
            if (isBuiltInGroup(KnownKinds.group(apiVersion))) {
                Boolean known = BuiltIn.NAMESPACED.get(apiVersion + "|" + kind);
                if (known == null) return null;
                namespaced = known;
            } else {
                namespaced = false;
            }
        } else {
            namespaced = scope == KnownKinds.Scope.NAMESPACED;
        }
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(apiVersion);
        object.setKind(kind);
        object.setMetadata(k8s.convertValue(metadata, ObjectMeta.class));
        return new Header(object, namespaced);
    }

    /** An object of another kind, header only, and whether it lives in a namespace. */
    record Header(HasMetadata object, boolean namespaced) {
    }

    /** Loaded on first use: only repositories with built-in kinds of other groups pay for the classes. */
    private static final class BuiltIn {
        static final Map<String, Boolean> NAMESPACED = new HashMap<>();

        static {
            for (Class<? extends HasMetadata> c : BUILT_IN) {
                NAMESPACED.put(HasMetadata.getApiVersion(c) + "|" + HasMetadata.getKind(c),
                        Namespaced.class.isAssignableFrom(c));
            }
        }
    }
}
