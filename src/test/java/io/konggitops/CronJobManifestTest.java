package io.konggitops;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cronjob.yaml} at the repository root, parsed into fabric8's typed objects. */
class CronJobManifestTest {
    private static List<HasMetadata> objects;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("cronjob.yaml"))) {
            objects = new KubernetesSerialization().unmarshal(in);
        }
    }

    private static <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static PodSpec pod() {
        return only(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    private static Container container() {
        return pod().getContainers().get(0);
    }

    @Test
    void everyObjectIsTypedAndNamespacedObjectsLiveInKongGitops() {
        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Namespace", "ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap", "CronJob");
        assertThat(only(Namespace.class).getMetadata().getName()).isEqualTo("kong-gitops");
        assertThat(List.of(only(ServiceAccount.class), only(ConfigMap.class), only(CronJob.class), only(Role.class),
                only(RoleBinding.class)))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("kong-gitops"));
    }

    @Test
    void theScheduleNeverOverlapsAndSkipsStaleRuns() {
        var spec = only(CronJob.class).getSpec();
        assertThat(only(CronJob.class).getApiVersion()).isEqualTo("batch/v1");
        assertThat(spec.getSchedule()).isNotBlank();
        assertThat(spec.getTimeZone()).isEqualTo("Etc/UTC");
        assertThat(spec.getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(spec.getStartingDeadlineSeconds()).isPositive();
        assertThat(spec.getSuccessfulJobsHistoryLimit()).isPositive();
        assertThat(spec.getFailedJobsHistoryLimit()).isGreaterThan(1);
    }

    @Test
    void driftAndRefusalFailTheJobWithoutRetriesAndDisruptionsAreIgnored() {
        JobSpec job = only(CronJob.class).getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isEqualTo(1);
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
        assertThat(job.getTtlSecondsAfterFinished()).isPositive();
        List<PodFailurePolicyRule> rules = job.getPodFailurePolicy().getRules();
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo("FailJob");
            assertThat(r.getOnExitCodes().getOperator()).isEqualTo("In");
            assertThat(r.getOnExitCodes().getValues()).containsExactly(2, 3);
            assertThat(r.getOnExitCodes().getContainerName()).isEqualTo(container().getName());
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo("Ignore");
            assertThat(r.getOnPodConditions()).extracting(c -> c.getType()).containsExactly("DisruptionTarget");
        });
        assertThat(pod().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void thePodRunsNonRootReadOnlyWithoutCapabilitiesAndAWritableTmp() {
        assertThat(pod().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var sc = container().getSecurityContext();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");

        Volume tmp = pod().getVolumes().stream().filter(v -> v.getEmptyDir() != null).findFirst().orElseThrow();
        assertThat(container().getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getName() + ":" + m.getMountPath()).isEqualTo(tmp.getName() + ":/tmp"));
        assertThat(container().getArgs()).containsExactly("reconcile");
        assertThat(container().getImage()).isEqualTo("ghcr.io/your-org/kong-gitops:0.1.0");
    }

    @Test
    void resourceRequestsAndAMemoryLimitAreSet() {
        Map<String, Quantity> requests = container().getResources().getRequests();
        Map<String, Quantity> limits = container().getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKey("memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .isGreaterThan(Quantity.getAmountInBytes(requests.get("memory")));
    }

    @Test
    void theLeaseRoleGrantsExactlyWhatFabric8sLeaseLockCallsOnTheOneLease() {
        Role role = only(Role.class);
        assertThat(role.getRules()).allSatisfy(r -> {
            assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(r.getResources()).containsExactly("leases");
        });
        Map<String, List<String>> verbsByNames = role.getRules().stream().collect(Collectors.toMap(
                r -> String.valueOf(r.getResourceNames()), PolicyRule::getVerbs));
        // LeaseLock.get → get, LeaseLock.create → create, LeaseLock.update → JSON merge patch
        assertThat(verbsByNames).containsOnly(Map.entry("[]", List.of("create")),
                Map.entry("[kong-gitops]", List.of("get", "patch")));

        RoleBinding binding = only(RoleBinding.class);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(only(ServiceAccount.class).getMetadata().getName());
            assertThat(s.getNamespace()).isEqualTo(role.getMetadata().getNamespace());
        });
    }

    @Test
    void thePushgatewayUrlIsAnOptionalCommentedSettingOfTheConfigMap() throws IOException {
        assertThat(only(ConfigMap.class).getData()).doesNotContainKey("KONG_GITOPS_PUSHGATEWAY_URL");
        assertThat(Files.readString(Path.of("cronjob.yaml")))
                .containsPattern("(?m)^  # KONG_GITOPS_PUSHGATEWAY_URL: \"http://[^\"]+:9091\"$");
    }

    @Test
    void theClusterRoleOnlyReadsServicesNamespacesEndpointSlicesAndGetsSecrets() {
        List<PolicyRule> rules = only(ClusterRole.class).getRules();
        Map<String, List<String>> verbsByResource = rules.stream()
                .flatMap(r -> r.getResources().stream().map(res -> Map.entry(
                        (r.getApiGroups().get(0).isEmpty() ? "" : r.getApiGroups().get(0) + "/") + res, r.getVerbs())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(verbsByResource).containsOnlyKeys("services", "namespaces", "discovery.k8s.io/endpointslices",
                "secrets");
        assertThat(verbsByResource.get("services")).containsExactly("get", "list");
        assertThat(verbsByResource.get("namespaces")).containsExactly("get", "list");
        assertThat(verbsByResource.get("discovery.k8s.io/endpointslices")).containsExactly("get", "list");
        assertThat(verbsByResource.get("secrets")).containsExactly("get");
        assertThat(rules).allSatisfy(r -> assertThat(r.getApiGroups()).hasSize(1));

        ClusterRoleBinding binding = only(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(only(ClusterRole.class).getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(only(ServiceAccount.class).getMetadata().getName());
            assertThat(s.getNamespace()).isEqualTo("kong-gitops");
        });
        assertThat(pod().getServiceAccountName()).isEqualTo(only(ServiceAccount.class).getMetadata().getName());
    }

    @Test
    void settingsComeFromTheConfigMapAndCredentialsFromSecrets() {
        ConfigMap config = only(ConfigMap.class);
        assertThat(config.getData()).containsKeys("KONG_GITOPS_REPO", "KONG_GITOPS_REF", "KONG_GITOPS_PATH",
                "KONG_GITOPS_KONG_ADMIN_URL", "KONG_GITOPS_SELECT_TAG", "KONG_GITOPS_MAX_DELETIONS");
        assertThat(config.getData()).containsEntry("KONG_GITOPS_ENDPOINTS", "cluster");
        assertThat(container().getEnvFrom()).singleElement()
                .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName()));

        Map<String, EnvVar> env = container().getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(List.of("KONG_GITOPS_KONG_ADMIN_TOKEN", "KONG_GITOPS_GIT_TOKEN")).allSatisfy(name -> {
            assertThat(env.get(name).getValue()).as("never a literal value").isNull();
            assertThat(env.get(name).getValueFrom().getSecretKeyRef().getName()).isNotBlank();
        });
        Volume ssh = pod().getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertThat(ssh.getSecret().getDefaultMode()).as("0440: readable by the fsGroup only").isEqualTo(0440);
        assertThat(pod().getSecurityContext().getFsGroup()).isEqualTo(65532L);
        assertThat(container().getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(ssh.getName());
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(config.getData().values()).noneMatch(v -> v.toLowerCase().contains("token="));
    }
}
