package io.konggitops.translate.model;

import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kong route being built during one translation (KIC {@code kongstate.Route}). Traditional routes use the matcher
 * fields; under the expressions router {@code expression} and {@code priority} replace them. A field left
 * {@code null} is not set (Kong's default applies), as KIC leaves it.
 */
public final class RouteDraft {
    public final String name;
    /** The Ingress (or other route object) whose annotations apply to this route. */
    public final ManifestObject source;

    public final List<String> paths = new ArrayList<>();
    public List<String> hosts = new ArrayList<>();
    public List<String> protocols;
    public Boolean stripPath = false;
    public Boolean preserveHost = true;
    public Long regexPriority = 0L;
    public Boolean requestBuffering = true;
    public Boolean responseBuffering = true;
    public Long httpsRedirectStatusCode = 426L;
    public String pathHandling = "v0";
    public List<String> methods;
    public List<String> snis;
    public Map<String, List<String>> headers;
    /** Stream routes: {@code [{port: N}]} (TCPRoute, UDPRoute). */
    public List<Map<String, Object>> destinations;
    /** Expressions router: the ATC expression and the priority KIC encodes for it. */
    public String expression;
    public Long priority;
    public List<String> tags = List.of();
    /** Plugins the route object's own fields attach to this route (Gateway API filters). */
    public final List<PluginDraft> plugins = new ArrayList<>();
    /** Names of KongPlugins the route attaches besides {@code konghq.com/plugins} (ExtensionRef filters). */
    public final List<String> extraPluginNames = new ArrayList<>();

    public RouteDraft(String name, ManifestObject source) {
        this.name = name;
        this.source = source;
    }
}
