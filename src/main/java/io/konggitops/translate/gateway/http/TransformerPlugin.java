package io.konggitops.translate.gateway.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config of a {@code request-transformer} or {@code response-transformer} plugin made from HTTPRoute filters
 * (KIC {@code transformerPlugin}). Headers are {@code "Name:value"} (or {@code "Name"} to remove). Two of the same
 * type on one route are merged: header lists appended, the first replacement URI kept.
 */
final class TransformerPlugin {
    static final String REQUEST = "request-transformer";
    static final String RESPONSE = "response-transformer";

    final String type;
    final List<String> replaceHeaders = new ArrayList<>();
    String replaceUri = "";
    final List<String> addHeaders = new ArrayList<>();
    final List<String> appendHeaders = new ArrayList<>();
    final List<String> removeHeaders = new ArrayList<>();

    TransformerPlugin(String type) {
        this.type = type;
    }

    /** KIC's header form: {@code name:value} without a space, or the bare name when the value is empty. */
    static String header(String name, String value) {
        return value == null || value.isEmpty() ? name : name + ":" + value;
    }

    void merge(TransformerPlugin other) {
        replaceHeaders.addAll(other.replaceHeaders);
        if (replaceUri.isEmpty()) replaceUri = other.replaceUri;
        addHeaders.addAll(other.addHeaders);
        appendHeaders.addAll(other.appendHeaders);
        removeHeaders.addAll(other.removeHeaders);
    }

    /** The plugin config: only the sections that hold something. */
    Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> replace = new LinkedHashMap<>();
        if (!replaceHeaders.isEmpty()) replace.put("headers", List.copyOf(replaceHeaders));
        if (!replaceUri.isEmpty()) replace.put("uri", replaceUri);
        if (!replace.isEmpty()) c.put("replace", replace);
        section(c, "add", addHeaders);
        section(c, "append", appendHeaders);
        section(c, "remove", removeHeaders);
        return c;
    }

    private static void section(Map<String, Object> c, String key, List<String> headers) {
        if (!headers.isEmpty()) c.put(key, Map.of("headers", List.copyOf(headers)));
    }
}
