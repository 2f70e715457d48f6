/**
 * {@link io.konggitops.kongdouble.KongDouble}: a stateful, in-process Kong 3.x Admin API for tests, on a real HTTP
 * server bound to 127.0.0.1. It follows {@code docs/kong-admin-api.md}: defaults filled and unset fields answered as
 * explicit {@code null}, PUT = full replace/upsert, PATCH = recursive record merge, DELETE 204 when absent,
 * restrict/cascade deletes, Kong-shaped error bodies, pagination with offset tokens and {@code next}, tag filters,
 * certificates with transient {@code snis} (and the PUT-wipes-SNIs pitfall), targets with port normalisation,
 * DB-less mode (405 on writes, {@code POST /config}) and {@code /schemas}.
 *
 * <pre>
 * try (KongDouble kong = KongDouble.builder().dbless().routerFlavor("expressions").build().start()) {
 *     kong.seed("services", "{\"name\":\"svc1\",\"host\":\"example.com\"}");
 *     myClient(kong.baseUrl());
 *     assertThat(kong.stats().count("PUT", "/services")).isEqualTo(1);
 *     assertThat(kong.store().all("routes")).hasSize(2);
 * }
 * </pre>
 */
package io.konggitops.kongdouble;
