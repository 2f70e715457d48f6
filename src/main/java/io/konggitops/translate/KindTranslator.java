package io.konggitops.translate;

import io.konggitops.translate.model.ServiceDraft;

import java.util.List;

/**
 * One translator per resource kind (KIC's sub-translators: Ingress, each Gateway API route kind): it turns the
 * objects of its kind into Kong services with their routes and the plugins their own fields make, and reports its
 * problems to the context's diagnostics. {@link Translator} runs them in order and merges what they return; upstreams,
 * targets, KongPlugins, certificates and IDs are built once, for all of them.
 */
@FunctionalInterface
public interface KindTranslator {
    List<ServiceDraft> translate(TranslationContext ctx);
}
