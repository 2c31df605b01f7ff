package dev.fracture.scenario;

import static dev.fracture.scenario.Checks.nonNegative;
import static dev.fracture.scenario.Checks.required;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of {@code count} identical liquidators, as a scenario declares them; {@link #profiles()} expands it into
 * the engine's {@link LiquidatorProfile}s. Each copy holds the whole stated capital: a population of ten with
 * 1M USDC each has 10M USDC between them. The fields are those of {@link LiquidatorProfile}.
 *
 * @param capital token units per chain and asset, each copy's own
 */
public record LiquidatorSpec(String id, int count, List<Holding> capital, boolean usesFlashLoans,
                             double priorityFeeGwei, double gasBudgetNative, double minProfitUsd,
                             int reactionLatencyBlocks, double maxSlippageShareOfBonus, double maxInventoryUsd) {

    /** The most copies one spec expands to; a larger population is a sign of a typo, not of a scenario. */
    public static final int MAX_COUNT = 10_000;

    /** {@code amount} token units of {@code asset} held on {@code chain}. */
    public record Holding(ChainId chain, AssetId asset, double amount) {
        public Holding {
            required("chain", chain);
            required("asset", asset);
            nonNegative("amount", amount);
        }
    }

    public LiquidatorSpec {
        Checks.notBlank("id", id);
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw new ScenarioFieldException("id", "must not contain whitespace (was '" + id + "')");
        }
        Checks.between("count", count, 1, MAX_COUNT);
        capital = Checks.list("capital", capital);
        for (int i = 0; i < capital.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (capital.get(i).chain().equals(capital.get(j).chain())
                        && capital.get(i).asset().equals(capital.get(j).asset())) {
                    throw new ScenarioFieldException("capital[" + i + "]", "repeats " + capital.get(i).asset()
                            + " on " + capital.get(i).chain() + " (already at index " + j + ")");
                }
            }
        }
        nonNegative("priorityFeeGwei", priorityFeeGwei);
        nonNegative("gasBudgetNative", gasBudgetNative);
        nonNegative("minProfitUsd", minProfitUsd);
        Checks.nonNegative("reactionLatencyBlocks", reactionLatencyBlocks);
        Checks.between("maxSlippageShareOfBonus", maxSlippageShareOfBonus, 0, 1);
        nonNegative("maxInventoryUsd", maxInventoryUsd);
    }

    /** The ids the expansion gives: {@code id} alone for a count of 1, else {@code id-1} … {@code id-count}. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(count == 1 ? id : id + "-" + i);
        }
        return ids;
    }

    public List<LiquidatorProfile> profiles() {
        Map<ChainId, Map<AssetId, Double>> byChain = new HashMap<>();
        for (Holding h : capital) {
            byChain.computeIfAbsent(h.chain(), c -> new HashMap<>()).put(h.asset(), h.amount());
        }
        List<LiquidatorProfile> out = new ArrayList<>(count);
        for (String copy : ids()) {
            out.add(new LiquidatorProfile(copy, byChain, usesFlashLoans, priorityFeeGwei, gasBudgetNative,
                    minProfitUsd, reactionLatencyBlocks, maxSlippageShareOfBonus, maxInventoryUsd));
        }
        return List.copyOf(out);
    }
}
