package io.konggitops.testing.kong;

import java.util.ArrayList;
import java.util.List;

/** Counters and a log of every request the double answered (including injected faults and 401s). */
public final class RequestStats {
    /** One answered request. {@code path} is the raw path, {@code query} the raw query or empty. */
    public record Request(String method, String path, String query, String body, int status) {
        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    private final List<Request> log = new ArrayList<>();

    synchronized void record(Request r) {
        log.add(r);
    }

    public synchronized void reset() {
        log.clear();
    }

    public synchronized int total() {
        return log.size();
    }

    /** Requests with this HTTP method. */
    public synchronized int count(String method) {
        return (int) log.stream().filter(r -> r.method().equals(method)).count();
    }

    /** Requests with this method whose path starts with {@code pathPrefix} (e.g. {@code ("PUT", "/services")}). */
    public synchronized int count(String method, String pathPrefix) {
        return (int) log.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    /** POST, PUT, PATCH and DELETE requests (including {@code POST /config}). */
    public synchronized int writes() {
        return (int) log.stream().filter(Request::isWrite).count();
    }

    public synchronized List<Request> log() {
        return new ArrayList<>(log);
    }
}
