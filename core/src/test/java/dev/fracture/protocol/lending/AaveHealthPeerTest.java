package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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
 * Differential test against the official {@code @aave/math-utils} (pinned in {@code peer/aave-math/package.json}):
 * 10,000 seeded random accounts (6, 8 and 18 decimal assets, 1-4 collaterals, 1-2 debts, some collateral disabled)
 * sent to {@code formatUserSummary} in one Node process.
 * <p>
 * The library values each balance without truncation and does not truncate the averaged liquidation threshold, so it
 * computes the ideal formula {@code sum(value * LT) / 1e4 / debt} rather than the contract's: the fast mode computes
 * that same formula and must agree within 1e-12 relative; the exact (contract) mode must differ by no more than its
 * truncations — one basis point of average threshold and one base-currency unit per reserve.
 */
class AaveHealthPeerTest {
    private static final int ACCOUNTS = 10_000;
    private static final double FAST_TOLERANCE = 1e-12;

    @Test
    void fastModeEqualsMathUtilsAndExactModeDiffersOnlyByTheContractsTruncations() throws Exception {
        Path peer = peerDirectory();
        SplittableRandom random = new SplittableRandom(20261121L);
        List<RandomAave.Case> cases = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"cases\":[");
        for (int i = 0; i < ACCOUNTS; i++) {
            RandomAave.Case c = RandomAave.next(random, i);
            cases.add(c);
            json.append(i == 0 ? "" : ",").append(json(c));
        }
        json.append("]}");
        List<String> results = runPeer(peer, json.toString());
        assertThat(results).hasSize(ACCOUNTS);

        int truncationVisible = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            RandomAave.Case c = cases.get(i);
            String r = results.get(i).trim();
            if (r.startsWith("error")) {
                fail("case " + i + ": peer failed: " + r);
            }
            BigDecimal peerHf = new BigDecimal(r);
            double fast = AaveHealth.DEFAULT.healthFactorFast(c.market(), c.prices(), c.account());
            AaveAccountData exact = AaveHealth.DEFAULT.accountData(c.market(), c.prices(), c.account());
            String where = "case " + i + " " + c.account();
            if (exact.totalDebtBase().signum() == 0) {
                assertThat(r).as(where).isEqualTo("-1");
                continue;
            }
            double p = peerHf.doubleValue();
            assertThat(Math.abs(fast - p)).as(where + ": fast " + fast + " vs math-utils " + r)
                    .isLessThanOrEqualTo(FAST_TOLERANCE * Math.abs(p));

            BigDecimal exactHf = new BigDecimal(exact.healthFactor()).movePointLeft(18);
            double relative = exactHf.subtract(peerHf).abs().divide(peerHf.max(new BigDecimal("1e-30")),
                    MathContext.DECIMAL64).doubleValue();
            double avg = exact.avgLiquidationThresholdBps().doubleValue();
            double units = c.account().collaterals().size() + c.account().debts().size();
            double bound = (avg == 0 ? 0 : 1.0 / avg) + units / exact.totalDebtBase().doubleValue()
                    + units / Math.max(1, exact.totalCollateralBase().doubleValue()) + 1e-15;
            assertThat(relative).as(where + ": exact " + exactHf + " vs math-utils " + r).isLessThanOrEqualTo(bound);
            if (relative > 1e-9) {
                truncationVisible++;
            }
        }
        // Most accounts' average threshold is fractional: the contract's truncation shows.
        assertThat(truncationVisible).isGreaterThan(ACCOUNTS / 2);
    }

    private static String json(RandomAave.Case c) {
        StringBuilder sb = new StringBuilder("{\"reserves\":[");
        boolean first = true;
        for (AaveReserveConfig r : c.market().reserves().values()) {
            sb.append(first ? "" : ",").append("{\"asset\":\"").append(r.asset()).append("\",\"decimals\":")
                    .append(r.decimals()).append(",\"price\":\"").append(c.prices().price(r.asset()))
                    .append("\",\"lt\":").append(r.liquidationThresholdBps()).append(",\"ltv\":").append(r.ltvBps())
                    .append('}');
            first = false;
        }
        sb.append("],\"positions\":[");
        first = true;
        for (AaveReserveConfig r : c.market().reserves().values()) {
            BigInteger supplied = c.account().collateralBalance(r.asset());
            BigInteger borrowed = c.account().debtBalance(r.asset());
            if (supplied.signum() == 0 && borrowed.signum() == 0) {
                continue;
            }
            boolean enabled = c.account().collaterals().stream()
                    .anyMatch(x -> x.asset().equals(r.asset()) && x.usedAsCollateral());
            sb.append(first ? "" : ",").append("{\"asset\":\"").append(r.asset()).append("\",\"supplied\":\"")
                    .append(supplied).append("\",\"borrowed\":\"").append(borrowed).append("\",\"collateral\":")
                    .append(enabled).append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    private static List<String> runPeer(Path peer, String input) throws IOException, InterruptedException {
        Path inputFile = Files.createTempFile("aave-peer", ".json");
        try {
            Files.writeString(inputFile, input);
            Process process = new ProcessBuilder("node", peer.resolve("health-factor.js").toString())
                    .redirectInput(inputFile.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("the math-utils peer failed (exit " + process.exitValue() + ")");
            }
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }

    /** peer/aave-math with its node_modules, or a skip (a failure when fracture.peer.required=true). */
    static Path peerDirectory() {
        boolean required = Boolean.getBoolean("fracture.peer.required");
        Path peer = repoRoot().resolve("peer/aave-math");
        String problem = null;
        if (!nodeAvailable()) {
            problem = "node is not on the PATH";
        } else if (!Files.isDirectory(peer.resolve("node_modules/@aave/math-utils"))) {
            problem = peer.resolve("node_modules") + " is missing";
        }
        if (problem != null) {
            String message = "math-utils peer unavailable: " + problem + "; run peer/install.sh to install it";
            if (required) {
                fail(message + " (fracture.peer.required=true)");
            }
            Assumptions.abort(message);
        }
        return peer;
    }

    private static Path repoRoot() {
        String configured = System.getProperty("fracture.repo");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "peer"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("peer"))) {
                return p;
            }
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    private static boolean nodeAvailable() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
