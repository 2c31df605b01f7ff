package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.io.BundledEcosystems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded loopback load: 20,000 GET requests over the read endpoints from 8 concurrent clients, after a warm-up.
 * The test holds the service to zero errors (every answer a 200 with a body); the latencies it prints (p50, p99) are
 * recorded in docs/BENCHMARKS.md and are not asserted, as the machines here are shared.
 */
class LoopbackLoadTest {
    static final int REQUESTS = 20_000;
    static final int CLIENTS = 8;
    private static final List<String> PATHS = List.of("/api/assets/eth/curve", "/api/assets/wbtc/curve",
            "/api/assets/eth/depth", "/api/assets/eth/critical-shock", "/api/assets/eth/concentration",
            "/api/assets", "/api/network", "/health");
    @TempDir
    Path dir;

    @Test
    void twentyThousandRequestsWithoutAnError() throws Exception {
        try (FractureService s = FractureService.start(ServiceConfig.defaults(BundledEcosystems.load("defi-2025"),
                Stores.h2(dir)).withPort(0))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            run(client, s.url(), 1_000, new long[1_000]);
            long[] nanos = new long[REQUESTS];
            long start = System.nanoTime();
            int errors = run(client, s.url(), REQUESTS, nanos);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("loopback load: %d requests, %d clients, %d errors, %.0f requests/s, p50 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms%n", REQUESTS, CLIENTS, errors, REQUESTS / seconds,
                    nanos[REQUESTS / 2] / 1e6, nanos[(int) (REQUESTS * 0.99)] / 1e6, nanos[REQUESTS - 1] / 1e6);
            assertThat(errors).isZero();
        }
    }

    private static int run(HttpClient client, String base, int requests, long[] nanos) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Future<?>[] workers = new Future<?>[CLIENTS];
            for (int w = 0; w < CLIENTS; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + PATHS.get(i % PATHS.size())))
                                .timeout(Duration.ofSeconds(30)).GET().build();
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().isEmpty()) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                });
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return errors.get();
    }
}
