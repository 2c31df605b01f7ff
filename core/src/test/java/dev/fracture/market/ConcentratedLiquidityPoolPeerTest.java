package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.fracture.market.clmm.FastSwapResult;
import dev.fracture.market.clmm.SwapResult;
import dev.fracture.market.clmm.TickInfo;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.VenueSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the official {@code @uniswap/v3-sdk} (pinned in {@code peer/uniswap-v3/package.json}),
 * run in one Node process: seeded random pools, sequences of swaps in both directions, exact in and exact out, some
 * with a price limit, many crossing several initialized ticks, a tenth of the pools straddling a bitmap word
 * boundary (where the contract splits a step). Exact mode must equal the SDK to the last unit in
 * amount, price, liquidity and tick; fast mode must agree within 1e-9 relative on amounts of at least 1e12 units.
 */
class ConcentratedLiquidityPoolPeerTest {
    private static final int POOLS = 1000;
    private static final int SWAPS_PER_POOL = 5;
    private static final double FAST_TOLERANCE = 1e-9;
    private static final double NOT_TINY = 1e12;

    /** One swap to send to the peer: the pool state before it and the arguments. */
    private record Case(int pool, BigInteger sqrtPriceX96, int tick, BigInteger liquidity, boolean zeroForOne,
                        BigInteger amountSpecified, BigInteger limit, SwapResult exact, FastSwapResult fast) {
    }

    @Test
    void exactModeEqualsTheV3SdkAndFastModeIsWithinTolerance() throws Exception {
        Path peer = peerDirectory();
        SplittableRandom random = new SplittableRandom(20261121L);
        List<VenueSpec.ConcentratedLiquidity> specs = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        for (int p = 0; p < POOLS; p++) {
            VenueSpec.ConcentratedLiquidity spec = p % 10 == 9
                    ? RandomClmmPools.wordBoundarySpec(random, p)
                    : RandomClmmPools.spec(random, p);
            specs.add(spec);
            ConcentratedLiquidityPool exact = fresh(spec, MathMode.EXACT);
            ConcentratedLiquidityPool fast = fresh(spec, MathMode.FAST);
            for (int s = 0; s < SWAPS_PER_POOL; s++) {
                BigInteger price = exact.sqrtPriceX96();
                boolean zeroForOne = random.nextBoolean();
                boolean exactIn = random.nextBoolean();
                BigInteger amount = RandomClmmPools.swapAmount(random, exact, zeroForOne == exactIn);
                BigInteger limit = random.nextInt(5) == 0 ? nearbyLimit(random, exact, zeroForOne) : null;
                BigInteger effectiveLimit = limit != null ? limit : zeroForOne
                        ? TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE) : TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);
                BigInteger specified = exactIn ? amount : amount.negate();
                Case c = new Case(p, price, exact.tick(), exact.liquidity(), zeroForOne, specified, limit,
                        exact.swapRaw(zeroForOne, specified, effectiveLimit),
                        fast.swapRawFast(zeroForOne, specified.doubleValue(), effectiveLimit.doubleValue() / 0x1p96));
                cases.add(c);
                if (!c.exact().complete() && limit == null) {
                    // Ran out of liquidity and walked to the edge of the price range: start the pool again.
                    exact = fresh(spec, MathMode.EXACT);
                    fast = fresh(spec, MathMode.FAST);
                }
            }
        }

        List<String> results = runPeer(peer, json(specs, cases));
        assertThat(results).hasSize(cases.size());
        int crossing = 0;
        int incomplete = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String[] r = parse(results.get(i));
            String where = "case " + i + " (pool " + c.pool() + ", " + specs.get(c.pool()) + ", zeroForOne="
                    + c.zeroForOne() + ", amountSpecified=" + c.amountSpecified() + ", limit=" + c.limit() + ")";
            if (r[0].equals("error")) {
                fail(where + ": peer failed: " + r[1]);
            }
            SwapResult e = c.exact();
            boolean exactIn = c.amountSpecified().signum() > 0;
            BigInteger calculated = c.zeroForOne() == exactIn ? e.amount1() : e.amount0();
            assertThat(calculated).as(where + " amountCalculated").isEqualTo(new BigInteger(r[0]));
            assertThat(e.sqrtPriceX96()).as(where + " sqrtPriceX96").isEqualTo(new BigInteger(r[1]));
            assertThat(e.liquidity()).as(where + " liquidity").isEqualTo(new BigInteger(r[2]));
            assertThat(e.tick()).as(where + " tick").isEqualTo(Integer.parseInt(r[3]));
            if (!r[4].equals("null")) {
                assertThat(calculated.abs()).as(where + " public getOutput/InputAmount").isEqualTo(new BigInteger(r[4]));
            }
            if (Math.abs(e.tick() - c.tick()) > 2 * specs.get(c.pool()).tickSpacing()) {
                crossing++;
            }
            if (!e.complete()) {
                incomplete++;
            }

            FastSwapResult f = c.fast();
            assertClose(where + " fast amount0", f.amount0(), e.amount0());
            assertClose(where + " fast amount1", f.amount1(), e.amount1());
            assertThat(f.complete()).as(where + " fast complete").isEqualTo(e.complete());
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(POOLS * SWAPS_PER_POOL);
        assertThat(crossing).as("swaps crossing several ticks").isGreaterThan(cases.size() / 4);
        assertThat(incomplete).as("swaps stopped by a limit or by the end of liquidity").isPositive();
    }

    private static void assertClose(String what, double fast, BigInteger exact) {
        double x = exact.doubleValue();
        if (Math.abs(x) >= NOT_TINY) {
            assertThat(Math.abs(fast - x)).as(what + ": fast " + fast + " vs exact " + exact)
                    .isLessThanOrEqualTo(FAST_TOLERANCE * Math.abs(x));
        } else {
            assertThat(Math.abs(fast - x)).as(what + ": fast " + fast + " vs exact " + exact)
                    .isLessThanOrEqualTo(FAST_TOLERANCE * NOT_TINY);
        }
    }

    private static ConcentratedLiquidityPool fresh(VenueSpec.ConcentratedLiquidity spec, MathMode mode) {
        return ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, mode);
    }

    /** A limit a few tick spacings away in the swap direction, sometimes exactly on a tick. */
    private static BigInteger nearbyLimit(SplittableRandom random, ConcentratedLiquidityPool pool, boolean down) {
        int away = random.nextInt(1, 6 * pool.tickSpacing());
        int tick = down ? pool.tick() - away : pool.tick() + away + 1;
        BigInteger limit = TickMath.getSqrtRatioAtTick(tick);
        return random.nextBoolean() ? limit : limit.add(BigInteger.valueOf(down ? 12345 : -12345));
    }

    private static String json(List<VenueSpec.ConcentratedLiquidity> specs, List<Case> cases) {
        StringBuilder sb = new StringBuilder("{\"pools\":[");
        for (int p = 0; p < specs.size(); p++) {
            ConcentratedLiquidityPool pool = fresh(specs.get(p), MathMode.EXACT);
            sb.append(p == 0 ? "" : ",").append("{\"fee\":").append(pool.feePips()).append(",\"ticks\":[");
            List<TickInfo> ticks = pool.initializedTicks();
            for (int i = 0; i < ticks.size(); i++) {
                TickInfo t = ticks.get(i);
                sb.append(i == 0 ? "" : ",").append("{\"index\":").append(t.tick())
                        .append(",\"liquidityGross\":\"").append(t.liquidityGross())
                        .append("\",\"liquidityNet\":\"").append(t.liquidityNet()).append("\"}");
            }
            sb.append("]}");
        }
        sb.append("],\"cases\":[");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"pool\":").append(c.pool())
                    .append(",\"sqrtPriceX96\":\"").append(c.sqrtPriceX96())
                    .append("\",\"tick\":").append(c.tick())
                    .append(",\"liquidity\":\"").append(c.liquidity())
                    .append("\",\"zeroForOne\":").append(c.zeroForOne())
                    .append(",\"amountSpecified\":\"").append(c.amountSpecified())
                    .append("\",\"sqrtPriceLimitX96\":").append(c.limit() == null ? "null" : "\"" + c.limit() + "\"")
                    .append(",\"checkPublic\":").append(c.exact().complete() && c.limit() == null).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String[] parse(String line) {
        String body = line.trim();
        body = body.substring(1, body.length() - 1);
        String[] parts = body.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace("\"", "");
        }
        return parts;
    }

    private static List<String> runPeer(Path peer, String input) throws IOException, InterruptedException {
        Path inputFile = Files.createTempFile("clmm-peer", ".json");
        try {
            Files.writeString(inputFile, input);
            Process process = new ProcessBuilder("node", peer.resolve("v3-quote.js").toString())
                    .redirectInput(inputFile.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("the v3-sdk peer failed (exit " + process.exitValue() + ")");
            }
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }

    /** peer/uniswap-v3 with its node_modules, or a skip (a failure when fracture.peer.required=true). */
    static Path peerDirectory() {
        boolean required = Boolean.getBoolean("fracture.peer.required");
        Path root = PeerSupport.repoRoot();
        Path peer = root.resolve("peer/uniswap-v3");
        String problem = null;
        if (!PeerSupport.nodeAvailable()) {
            problem = "node is not on the PATH";
        } else if (!Files.isDirectory(peer.resolve("node_modules/@uniswap/v3-sdk"))) {
            problem = peer.resolve("node_modules") + " is missing";
        }
        if (problem != null) {
            String message = "v3-sdk peer unavailable: " + problem + "; run peer/install.sh to install it";
            if (required) {
                fail(message + " (fracture.peer.required=true)");
            }
            Assumptions.abort(message);
        }
        return peer;
    }
}
