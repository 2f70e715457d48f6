package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

import java.util.List;

/** {@code kong/db/schema/entities/upstreams.lua}: the name is a host name (no IP, no port). */
final class UpstreamRules implements EntityRules {
    private static final Typedef NAME = Typedef.string(UpstreamRules::name);

    @Override
    public EntityType type() {
        return EntityType.UPSTREAM;
    }

    @Override
    public void check(Checks c) {
        c.required("name", "");
        c.field("name", NAME, "an upstream is named like a host; use a DNS name, not an IP address or host:port");
        c.field("algorithm", Typedef.oneOf(List.of("consistent-hashing", "least-connections", "round-robin",
                "latency")), "use round-robin, consistent-hashing, least-connections or latency");
        c.field("slots", Typedef.between(10, 1 << 16), "use slots between 10 and 65536");
        Typedefs.tags(c);
        c.field("host_header", Typedefs.HOST_WITH_OPTIONAL_PORT, "use a host name with an optional port");
    }

    /** {@code validate_name} of upstreams.lua. */
    private static String name(String name) {
        HostNames.Parsed p = HostNames.normalize(name);
        if (!p.ok()) return "Invalid name ('" + name + "'); must be a valid hostname";
        if (!p.type().equals("name")) return "Invalid name ('" + name + "'); no ip addresses allowed";
        if (p.port() != null) return "Invalid name ('" + name + "'); no port allowed";
        return null;
    }
}
