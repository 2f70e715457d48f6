package io.konggitops.bench;

import io.konggitops.testing.kong.KongDouble;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The {@link KongDouble} as a standalone Admin API server, for trying a benchmark step by hand with any client
 * ({@code bin/kong-gitops}, {@code deck}, {@code curl}) or profiling one:
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" io.konggitops.bench.KongDoubleServer \
 *     [LATENCY_MS] [--deck-file FILE.json | --state FILE.json.gz]
 * </pre>
 *
 * Prints {@code http://127.0.0.1:PORT} on the first line once it is ready, then serves until killed. Every request
 * waits LATENCY_MS (default 0) before it is answered, outside the double's lock. {@code --deck-file} seeds the
 * entities of a {@code kong-gitops render --format=json} file (as {@code deck sync} would create them),
 * {@code --state} loads a {@link KongDouble#saveState} snapshot (the benchmark keeps them in target/bench-state).
 */
public final class KongDoubleServer {
    private KongDoubleServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long latency = 0;
        Path deckFile = null;
        Path state = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--deck-file" -> deckFile = Path.of(args[++i]);
                case "--state" -> state = Path.of(args[++i]);
                default -> latency = Long.parseLong(args[i]);
            }
        }
        KongDouble kong = KongDouble.builder().latency(Duration.ofMillis(latency)).build().start();
        if (deckFile != null) DeckFileSeeder.seed(kong, deckFile);
        if (state != null) kong.loadState(state);
        Runtime.getRuntime().addShutdownHook(new Thread(kong::close));
        System.out.println(kong.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
