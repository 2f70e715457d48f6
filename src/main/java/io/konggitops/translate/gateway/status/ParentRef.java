package io.konggitops.translate.gateway.status;

/** A route's {@code parentRef} with the CRD defaults applied (group, kind, the route's namespace). */
public record ParentRef(String group, String kind, String namespace, String name, String sectionName,
                        Integer port) {
}
