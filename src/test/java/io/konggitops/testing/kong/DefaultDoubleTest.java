package io.konggitops.testing.kong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the double's own tests: a fresh default KongDouble (DB mode, 3.9.1) and an HTTP client per test. */
abstract class DefaultDoubleTest {
    protected KongDouble kong;
    protected AdminHttp http;

    @BeforeEach
    void startDouble() throws Exception {
        kong = KongDouble.startDefault();
        http = new AdminHttp(kong);
    }

    @AfterEach
    void stopDouble() {
        kong.close();
    }
}
