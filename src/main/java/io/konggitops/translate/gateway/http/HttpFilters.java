package io.konggitops.translate.gateway.http;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalObjectReference;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.model.PluginDraft;
import io.konggitops.translate.model.RouteDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * HTTPRoute rule filters → Kong route plugins (kic-translation §4.6, KIC {@code generatePluginsFromHTTPRouteFilters}):
 * header modifiers → request/response-transformer, RequestRedirect → {@code redirect} (Kong ≥ 3.9) or
 * request-termination + response-transformer, URLRewrite → request-transformer (and, for a prefix rewrite on the
 * traditional router, capture-group paths), ExtensionRef → a KongPlugin attached to the route. Transformers of the
 * same type are merged; plugins carry the HTTPRoute's tags.
 */
final class HttpFilters {
    static final String KONG_PLUGIN_GROUP = "configuration.konghq.com";

    /** The plugins for one Kong route and the changes the filters make to that route. */
    record Result(List<PluginDraft> plugins, List<Consumer<RouteDraft>> modifiers) {
        void applyTo(RouteDraft r) {
            r.plugins.addAll(plugins);
            for (Consumer<RouteDraft> m : modifiers) m.accept(r);
        }
    }

    /** Where the filters are translated: the route object, its tags, the router and Kong's redirect support. */
    record Context(ManifestObject source, List<String> tags, boolean expressions, boolean redirectPlugin) {
    }

    private HttpFilters() {
    }

    /**
     * @param path the match path the redirect and prefix-rewrite filters work from ({@code ""} when none)
     */
    static Result translate(List<HTTPRouteFilter> filters, String path, Context ctx) throws RuleGroupFailure {
        List<PluginDraft> plugins = new ArrayList<>();
        List<Consumer<RouteDraft>> modifiers = new ArrayList<>();
        if (filters == null || filters.isEmpty()) return new Result(plugins, modifiers);
        List<TransformerPlugin> transformers = new ArrayList<>();
        List<String> extensionPlugins = new ArrayList<>();
        List<Map<String, Object>> otherConfigs = new ArrayList<>();
        List<String> otherNames = new ArrayList<>();
        for (HTTPRouteFilter f : filters) {
            String type = f.getType() == null ? "" : f.getType();
            switch (type) {
                case "RequestHeaderModifier" -> transformers.add(headers(
                        required(f.getRequestHeaderModifier(), type, "requestHeaderModifier"),
                        TransformerPlugin.REQUEST));
                case "ResponseHeaderModifier" -> transformers.add(headers(
                        required(f.getResponseHeaderModifier(), type, "responseHeaderModifier"),
                        TransformerPlugin.RESPONSE));
                case "RequestRedirect" -> {
                    HTTPRequestRedirectFilter r = required(f.getRequestRedirect(), type, "requestRedirect");
                    if (ctx.redirectPlugin()) {
                        otherNames.add("redirect");
                        otherConfigs.add(redirectPlugin(r));
                    } else {
                        Map<String, Object> termination = new LinkedHashMap<>();
                        if (r.getStatusCode() != null) termination.put("status_code", r.getStatusCode());
                        otherNames.add("request-termination");
                        otherConfigs.add(termination);
                        TransformerPlugin location = new TransformerPlugin(TransformerPlugin.RESPONSE);
                        location.addHeaders.add(TransformerPlugin.header("Location", legacyLocation(r, path)));
                        transformers.add(location);
                    }
                }
                case "URLRewrite" -> urlRewrite(required(f.getUrlRewrite(), type, "urlRewrite"), path,
                        ctx.expressions(), transformers, modifiers);
                case "ExtensionRef" -> extensionPlugins.add(extensionRef(
                        required(f.getExtensionRef(), type, "extensionRef")));
                default -> throw new RuleGroupFailure("filter type " + (type.isEmpty() ? "(none)" : type)
                        + " is not supported by Kong; the rule's Kong service is left out, as KIC does",
                        "remove the " + type + " filter or use an ExtensionRef to a KongPlugin", true);
            }
        }
        for (int i = 0; i < otherNames.size(); i++) {
            plugins.add(new PluginDraft(otherNames.get(i), otherConfigs.get(i), ctx.tags(), ctx.source()));
        }
        for (TransformerPlugin t : merged(transformers)) {
            plugins.add(new PluginDraft(t.type, t.config(), ctx.tags(), ctx.source()));
        }
        if (!extensionPlugins.isEmpty()) modifiers.add(r -> r.extraPluginNames.addAll(extensionPlugins));
        return new Result(plugins, modifiers);
    }

    private static <T> T required(T value, String type, String field) throws RuleGroupFailure {
        if (value == null) {
            throw new RuleGroupFailure("filter " + type + " has no " + field + " settings",
                    "add the " + field + " field to the filter");
        }
        return value;
    }

    /** set → replace and add; add → append; remove → remove (KIC). */
    private static TransformerPlugin headers(HTTPHeaderFilter f, String type) {
        TransformerPlugin t = new TransformerPlugin(type);
        for (HTTPHeader h : nonNull(f.getSet())) {
            String header = TransformerPlugin.header(h.getName(), h.getValue());
            t.replaceHeaders.add(header);
            t.addHeaders.add(header);
        }
        for (HTTPHeader h : nonNull(f.getAdd())) t.appendHeaders.add(TransformerPlugin.header(h.getName(), h.getValue()));
        for (String name : nonNull(f.getRemove())) t.removeHeaders.add(name);
        return t;
    }

    /** The {@code redirect} plugin: location from scheme/hostname/port and a full-path replacement. */
    private static Map<String, Object> redirectPlugin(HTTPRequestRedirectFilter r) {
        String path = "/";
        boolean keepIncomingPath = true;
        if (r.getPath() != null && "ReplaceFullPath".equals(r.getPath().getType())
                && r.getPath().getReplaceFullPath() != null) {
            path = r.getPath().getReplaceFullPath();
            keepIncomingPath = false;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status_code", r.getStatusCode());
        c.put("location", location(r, path));
        c.put("keep_incoming_path", keepIncomingPath);
        if (r.getStatusCode() == null) c.remove("status_code");
        return c;
    }

    /** Before Kong 3.9: the Location header for request-termination, from the match path or the full path. */
    private static String legacyLocation(HTTPRequestRedirectFilter r, String matchPath) {
        String path = matchPath;
        if (r.getPath() != null && "ReplaceFullPath".equals(r.getPath().getType())
                && r.getPath().getReplaceFullPath() != null) {
            path = r.getPath().getReplaceFullPath();
        }
        return location(r, path);
    }

    /** {@code scheme://host[:port]/path} when a hostname is set (scheme defaults to http), else the path alone. */
    private static String location(HTTPRequestRedirectFilter r, String path) {
        if (r.getHostname() == null) return path;
        String scheme = r.getScheme() == null ? "http" : r.getScheme();
        String hostPort = r.getHostname() + (r.getPort() == null ? "" : ":" + r.getPort());
        return scheme + "://" + GoPaths.join(hostPort, path);
    }

    private static void urlRewrite(HTTPURLRewriteFilter f, String path, boolean expressions,
                                   List<TransformerPlugin> transformers, List<Consumer<RouteDraft>> modifiers)
            throws RuleGroupFailure {
        if (f.getPath() == null && f.getHostname() == null) {
            throw new RuleGroupFailure("URLRewrite filter has neither path nor hostname",
                    "set urlRewrite.path or urlRewrite.hostname");
        }
        if (f.getPath() != null) {
            String type = f.getPath().getType() == null ? "" : f.getPath().getType();
            switch (type) {
                case "ReplaceFullPath" -> {
                    if (f.getPath().getReplaceFullPath() == null) {
                        throw new RuleGroupFailure("URLRewrite filter of type ReplaceFullPath has no replaceFullPath",
                                "set urlRewrite.path.replaceFullPath");
                    }
                    TransformerPlugin t = new TransformerPlugin(TransformerPlugin.REQUEST);
                    t.replaceUri = f.getPath().getReplaceFullPath();
                    transformers.add(t);
                }
                case "ReplacePrefixMatch" -> {
                    String p = PathRewrites.normalize(path);
                    TransformerPlugin t = new TransformerPlugin(TransformerPlugin.REQUEST);
                    t.replaceUri = PathRewrites.replaceUri(f.getPath().getReplacePrefixMatch(), p);
                    transformers.add(t);
                    if (!expressions) modifiers.add(r -> PathRewrites.capturePaths(r, p));
                }
                default -> throw new RuleGroupFailure("URLRewrite path type \"" + type + "\" is not supported",
                        "use ReplaceFullPath or ReplacePrefixMatch");
            }
        }
        if (f.getHostname() != null) {
            TransformerPlugin t = new TransformerPlugin(TransformerPlugin.REQUEST);
            String host = TransformerPlugin.header("host", f.getHostname());
            t.replaceHeaders.add(host);
            t.addHeaders.add(host);
            transformers.add(t);
        }
    }

    private static String extensionRef(LocalObjectReference ref) throws RuleGroupFailure {
        if (!KONG_PLUGIN_GROUP.equals(ref.getGroup()) || !"KongPlugin".equals(ref.getKind())) {
            throw new RuleGroupFailure("ExtensionRef filter to " + ref.getGroup() + "/" + ref.getKind() + " "
                    + ref.getName() + " is not supported", "an ExtensionRef must name a KongPlugin (group "
                    + KONG_PLUGIN_GROUP + ", kind KongPlugin) in the HTTPRoute's namespace");
        }
        return ref.getName();
    }

    /** One transformer per type, merged in filter order, sorted by type (KIC mergePluginsOfTheSameType). */
    private static List<TransformerPlugin> merged(List<TransformerPlugin> transformers) {
        Map<String, TransformerPlugin> byType = new TreeMap<>();
        for (TransformerPlugin t : transformers) {
            TransformerPlugin m = byType.get(t.type);
            if (m == null) {
                m = new TransformerPlugin(t.type);
                byType.put(t.type, m);
            }
            m.merge(t);
        }
        return new ArrayList<>(byType.values());
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
