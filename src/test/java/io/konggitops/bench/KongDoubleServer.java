package io.konggitops.bench;

import io.konggitops.testing.kong.KongDouble;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The {@link KongDouble} as a standalone Admin API server, for trying a benchmark step by hand with any client
 * ({@code bin/kong-gitops}, {@code deck}, {@code curl}):
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" io.konggitops.bench.KongDoubleServer [LATENCY_MS]
 * </pre>
 *
 * Prints {@code http://127.0.0.1:PORT} on the first line, then serves until killed. Every request waits
 * LATENCY_MS (default 0) before it is answered, outside the double's lock, so concurrent requests overlap.
 */
public final class KongDoubleServer {
    private KongDoubleServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 0;
        KongDouble kong = KongDouble.builder().latency(Duration.ofMillis(latency)).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(kong::close));
        System.out.println(kong.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
