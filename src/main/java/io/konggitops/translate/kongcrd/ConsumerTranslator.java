package io.konggitops.translate.kongcrd;

import io.fabric8.kubernetes.api.model.Secret;
import io.konggitops.cluster.ClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.naming.KongIds;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KongConsumers → Kong consumers and their credentials, as KIC's {@code FillConsumersAndCredentials}
 * (kic-translation §1.9): consumers of this ingress class only; username and/or custom_id (neither: left out);
 * id = go-kong's {@code FillID} on the username (a consumer with only a custom_id gets no id, as in KIC); tags from the
 * KongConsumer. Each {@code credentials} entry is a Secret in the consumer's namespace, typed by its
 * {@code konghq.com/credential} label; a credential that cannot be read is a problem and left out, the consumer
 * stays. Two consumers sharing a key-auth key, basic-auth/hmac-auth username, jwt key or oauth2 client_id are in
 * conflict: both the Secrets and the consumers get an error, and the consumers are left out.
 */
public final class ConsumerTranslator {

    private final ClusterView view;
    private final Diagnostics diag;
    private final TranslateOptions options;

    public ConsumerTranslator(ClusterView view, Diagnostics diag, TranslateOptions options) {
        this.view = view;
        this.diag = diag;
        this.options = options;
    }

    /** A consumer with its credentials, before conflicts are settled. */
    private record Built(KongConsumerCrd crd, ManifestObject mo, KongEntity consumer, List<Credential> credentials) {
    }

    private record Credential(CredentialKind kind, String namespace, String secretName, KongEntity entity) {
        String secretRef() {
            return namespace + "/" + secretName;
        }
    }

    /** Consumers (sorted by name) followed by their credentials. */
    public List<KongEntity> translate(Manifests manifests) {
        IngressClassAnnotation classRule = new IngressClassAnnotation(manifests, options.ingressClass());
        List<Built> built = new ArrayList<>();
        Map<String, KongConsumerCrd> byName = new HashMap<>();
        for (ManifestObject mo : manifests.objects()) {
            if (!KongConsumerCrd.isKongConsumer(mo)) continue;
            KongConsumerCrd crd = KongConsumerCrd.parse(mo);
            if (!accepts(crd, mo, classRule)) continue;
            if (crd.kongName() == null) {
                diag.report(Severity.ERROR, mo, "no username or custom_id specified, so no Kong consumer is made",
                        "set username (or custom_id) at the top level of the KongConsumer");
                continue;
            }
            if (duplicate(crd, mo, byName)) continue;
            built.add(build(crd, mo));
        }
        Set<KongConsumerCrd> conflicted = conflicts(built);
        List<KongEntity> consumers = new ArrayList<>();
        List<KongEntity> credentials = new ArrayList<>();
        built.stream().filter(b -> !conflicted.contains(b.crd()))
                .sorted(Comparator.comparing((Built b) -> b.crd().kongName()))
                .forEach(b -> {
                    consumers.add(b.consumer());
                    b.credentials().forEach(c -> credentials.add(c.entity()));
                });
        List<KongEntity> out = new ArrayList<>(consumers);
        out.addAll(credentials);
        return out;
    }

    /** KIC lists KongConsumers whose {@code kubernetes.io/ingress.class} is ours, or empty when our class is default. */
    private boolean accepts(KongConsumerCrd crd, ManifestObject mo, IngressClassAnnotation classRule) {
        if (classRule.accepts(mo)) return true;
        String cls = crd.ingressClass();
        if (cls == null || cls.isEmpty()) {
            diag.report(Severity.INFO, mo, "ignored: the KongConsumer has no " + KongConsumerCrd.INGRESS_CLASS_ANNOTATION
                            + " annotation and IngressClass " + options.ingressClass() + " is not the default class",
                    "add the annotation " + KongConsumerCrd.INGRESS_CLASS_ANNOTATION + ": " + options.ingressClass());
            return false;
        }
        diag.report(Severity.INFO, mo, "ignored: annotation " + KongConsumerCrd.INGRESS_CLASS_ANNOTATION + " is \""
                        + cls + "\", not \"" + options.ingressClass() + "\"",
                "set " + KongConsumerCrd.INGRESS_CLASS_ANNOTATION + ": " + options.ingressClass()
                        + " if Kong should have this consumer");
        return false;
    }


    /** Kong keeps usernames and custom_ids unique: a second KongConsumer with the same one is left out. */
    private boolean duplicate(KongConsumerCrd crd, ManifestObject mo, Map<String, KongConsumerCrd> byName) {
        for (String key : new String[]{crd.username() == null ? null : "username " + crd.username(),
                crd.customId() == null ? null : "custom_id " + crd.customId()}) {
            if (key == null) continue;
            KongConsumerCrd first = byName.get(key);
            if (first != null) {
                diag.report(Severity.ERROR, mo, "same " + key + " as " + first.ref() + " (" + first.origin()
                                + "); Kong allows one consumer per username and custom_id, so this one is left out",
                        "give each KongConsumer its own username and custom_id");
                return true;
            }
        }
        if (crd.username() != null) byName.put("username " + crd.username(), crd);
        if (crd.customId() != null) byName.put("custom_id " + crd.customId(), crd);
        return false;
    }

    private Built build(KongConsumerCrd crd, ManifestObject mo) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (crd.username() != null) {
            f.put("id", KongIds.consumer(options.workspace(), crd.username()));
            f.put("username", crd.username());
        }
        if (crd.customId() != null) f.put("custom_id", crd.customId());
        f.put("tags", KongTags.withSelectTag(KongTags.forObject(mo.object()), options.selectTag()));
        KongEntity consumer = new KongEntity(EntityType.CONSUMER, f, crd.ref(), crd.origin());
        Map<String, Object> parent = f.containsKey("id") ? Map.of("id", f.get("id")) : Map.of("name", crd.customId());
        if (!crd.consumerGroups().isEmpty()) {
            diag.report(Severity.WARNING, mo, "consumerGroups " + crd.consumerGroups()
                            + " are not supported yet: the consumer is made without consumer group membership",
                    "manage the consumer group membership outside kong-gitops for now, or remove consumerGroups");
        }
        List<Credential> credentials = new ArrayList<>();
        for (String name : new LinkedHashSet<>(crd.credentials())) {
            credential(crd, mo, name, parent).ifPresent(credentials::add);
        }
        return new Built(crd, mo, consumer, credentials);
    }

    private Optional<Credential> credential(KongConsumerCrd crd, ManifestObject mo, String name,
                                            Map<String, Object> parent) {
        String where = "credential Secret " + crd.namespace() + "/" + name;
        Optional<Secret> found = view.secret(crd.namespace(), name);
        if (found.isEmpty()) {
            diag.report(Severity.ERROR, mo, where + " not found, so the consumer is made without it",
                    "create the Secret in namespace " + crd.namespace() + " (labelled " + CredentialSecrets.LABEL
                            + ") or remove it from credentials");
            return Optional.empty();
        }
        Secret secret = found.get();
        Map<String, String> labels = secret.getMetadata().getLabels();
        String type = labels == null ? null : labels.get(CredentialSecrets.LABEL);
        if (type == null) {
            diag.report(Severity.ERROR, mo, where + " lacks the " + CredentialSecrets.LABEL
                            + " label, so the consumer is made without it",
                    "label the Secret " + CredentialSecrets.LABEL + "=<type> (" + CredentialKind.supportedLabels() + ")");
            return Optional.empty();
        }
        Optional<CredentialKind> kind = CredentialKind.ofLabel(type);
        if (kind.isEmpty()) {
            diag.report(Severity.ERROR, mo, where + ": unsupported credential type \"" + type
                            + "\", so the consumer is made without it",
                    "use one of " + CredentialKind.supportedLabels());
            return Optional.empty();
        }
        CredentialSecrets.Read read = CredentialSecrets.read(secret, kind.get());
        for (String p : read.problems()) {
            diag.report(Severity.ERROR, mo, where + " (" + kind.get().label() + "): " + p
                    + (read.fatal() ? ", so the consumer is made without it" : ""), "fix the Secret's data");
        }
        if (!read.dropped().isEmpty()) {
            diag.report(Severity.WARNING, mo, where + " (" + kind.get().label() + "): data keys " + read.dropped()
                    + " are not fields of a " + kind.get().label() + " credential and are ignored, as KIC does",
                    "remove them from the Secret");
        }
        if (read.fatal()) return Optional.empty();
        Map<String, Object> f = new LinkedHashMap<>(read.fields());
        f.put("consumer", parent);
        f.put("tags", KongTags.withSelectTag(KongTags.forObject(secret), options.selectTag()));
        KongEntity entity = new KongEntity(kind.get().entityType(), f, crd.ref(), crd.origin());
        return Optional.of(new Credential(kind.get(), crd.namespace(), name, entity));
    }

    /** KIC's {@code CredentialConflictsDetector}: the consumers holding a conflicting credential. */
    private Set<KongConsumerCrd> conflicts(List<Built> built) {
        Map<String, List<Map.Entry<Built, Credential>>> index = new LinkedHashMap<>();
        for (Built b : built) {
            for (Credential c : b.credentials()) {
                String field = c.kind().conflictField();
                if (field == null) continue;
                String key = c.kind().label() + " on '" + field + "'\u0000" + c.entity().string(field);
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(b, c));
            }
        }
        Set<KongConsumerCrd> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<Map.Entry<Built, Credential>>> e : index.entrySet()) {
            if (e.getValue().size() < 2) continue;
            String what = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            List<String> holders = e.getValue().stream()
                    .map(x -> x.getKey().crd().ref() + " (Secret " + x.getValue().secretRef() + ")").toList();
            for (Map.Entry<Built, Credential> x : e.getValue()) {
                Credential c = x.getValue();
                diag.reportCluster(Severity.ERROR, "Secret", c.namespace(), c.secretName(), "conflicting credential: " + what + " has the same value in "
                                + holders, "give each consumer's credential its own value");
                if (out.add(x.getKey().crd())) {
                    diag.add(new Problem(Severity.ERROR, x.getKey().crd().ref(), x.getKey().crd().origin(),
                            "conflicting credentials: " + what + " has the same value in " + holders
                                    + ", so the consumer is left out", "give each consumer's credential its own value"));
                }
            }
        }
        return out;
    }
}
