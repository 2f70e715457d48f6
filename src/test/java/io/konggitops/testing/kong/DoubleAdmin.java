package io.konggitops.testing.kong;

import io.konggitops.kong.AdminClient;
import io.konggitops.kong.AdminClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A started {@link KongDouble} and the project's real {@link AdminClient} pointed at it, for tests of the stages that
 * talk to Kong (diff, apply). Close it to stop both.
 *
 * <pre>
 * try (DoubleAdmin kong = DoubleAdmin.start(KongDouble.builder())) {
 *     Applier.apply(plan, kong.client(), options);
 *     assertThat(kong.writes()).contains("PUT /services/" + DoubleAdmin.id("s1"));
 * }
 * </pre>
 */
public final class DoubleAdmin implements AutoCloseable {
    private final KongDouble kong;
    private final AdminClient client;

    private DoubleAdmin(KongDouble kong) {
        this.kong = kong;
        this.client = new AdminClient(AdminClientOptions.of(kong.baseUrl()));
    }

    /** Builds and starts the double, then connects a client. */
    public static DoubleAdmin start(KongDoubleBuilder builder) {
        try {
            return new DoubleAdmin(builder.build().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Postgres-mode Kong 3.9 with the traditional_compatible router. */
    public static DoubleAdmin start() {
        return start(KongDouble.builder());
    }

    /** A stable UUID for a readable test name ({@code id("s1")} is the same UUID every time). */
    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public KongDouble kong() {
        return kong;
    }

    public AdminClient client() {
        return client;
    }

    /** Shorthand for {@link KongDouble#writes()}. */
    public java.util.List<String> writes() {
        return kong.writes();
    }

    @Override
    public void close() {
        client.close();
        kong.close();
    }
}
