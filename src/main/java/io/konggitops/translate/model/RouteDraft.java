package io.konggitops.translate.model;

import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Kong route being built during one translation (KIC {@code kongstate.Route}, traditional router fields). */
public final class RouteDraft {
    public final String name;
    /** The Ingress (or other route object) whose annotations apply to this route. */
    public final ManifestObject source;

    public final List<String> paths = new ArrayList<>();
    public List<String> hosts = new ArrayList<>();
    public List<String> protocols;
    public Boolean stripPath = false;
    public boolean preserveHost = true;
    public long regexPriority;
    public boolean requestBuffering = true;
    public boolean responseBuffering = true;
    public long httpsRedirectStatusCode = 426;
    public String pathHandling = "v0";
    public List<String> methods;
    public List<String> snis;
    public Map<String, List<String>> headers;
    public List<String> tags = List.of();

    public RouteDraft(String name, ManifestObject source) {
        this.name = name;
        this.source = source;
    }
}
