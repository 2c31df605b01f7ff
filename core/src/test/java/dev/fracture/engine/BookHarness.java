package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidationRound;
import dev.fracture.agent.Liquidator;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.model.EcosystemSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The engine's liquidation step for one book, block by block, with a hook after every block: the oracles read the
 * base prices (no impact), the book observes (its protocol keeper acts), the liquidators plan with the engine's own
 * {@link Liquidator} and {@link LiquidationRound}, the book applies the winners and their collateral is sold through
 * the router into the chain's venues, as {@link BlockContext#sell} does. It lets a test look inside the book after
 * each block, which a full run does not.
 */
final class BookHarness {
    private BookHarness() {
    }

    @SuppressWarnings("unchecked")
    static <B extends ProtocolBook> B run(EcosystemSnapshot s, BasePrices base, List<LiquidatorProfile> profiles,
                                          long horizon, long seed, Consumer<B> afterEachBlock) {
        B book = (B) ProtocolBooks.of(s.protocols().get(0), s).orElseThrow();
        Market market = Market.of(s, MathMode.FAST);
        long[] clock = {0};
        OracleBank.ReferenceView reference = a -> base.usd(a, clock[0]);
        OracleBank bank = new OracleBank(s, market, reference, 0, List.of());
        List<LiquidatorLedger> ledgers = profiles.stream().map(LiquidatorLedger::new).toList();
        SplittableRandom rng = new SplittableRandom(seed);
        double blockTime = s.chains().get(0).blockTimeSeconds();
        double baseFee = s.chains().get(0).gas().baseFeeGwei();
        long block = 0;
        for (double t = blockTime; t <= horizon; t += blockTime) {
            long now = (long) Math.floor(t);
            clock[0] = now;
            block++;
            bank.update(now, reference);
            book.observe(bank, reference, now);
            List<LiquidationPlan> plans = new ArrayList<>();
            for (LiquidationOpportunity o : book.opportunities(block)) {
                for (LiquidatorLedger l : ledgers) {
                    Liquidator.DEFAULT.plan(l, o, market, reference::usd, baseFee, block).ifPresent(plans::add);
                }
            }
            for (LiquidationPlan plan : LiquidationRound.winners(plans, rng.split())) {
                ProtocolBook.Applied applied = book.apply(plan);
                if (applied.debtRepaid() > 0 && plan.disposal() == LiquidationPlan.Disposal.SELL) {
                    sell(market, plan.opportunity(), applied.collateralToLiquidator());
                }
                if (applied.debtRepaid() > 0) {
                    ledgers.stream().filter(l -> l.profile().id().equals(plan.liquidator())).findFirst()
                            .orElseThrow().record(plan, block);
                }
            }
            afterEachBlock.accept(book);
        }
        return book;
    }

    static <B extends ProtocolBook> B run(EcosystemSnapshot s, BasePrices base, List<LiquidatorProfile> profiles,
                                          long horizon, long seed) {
        return run(s, base, profiles, horizon, seed, b -> { });
    }

    private static void sell(Market market, LiquidationOpportunity o, double amount) {
        RouteResult route = Router.DEFAULT.route(market, RouteRequest.of(o.collateralAsset(), o.debtAsset(), amount)
                .withMaxLatency(0).withGas(GasSchedule.FREE));
        for (LegFill f : route.fills()) {
            Venue v = market.venue(f.venue()).orElseThrow();
            v.swapExactIn(f.venueTokenIn(), f.venueTokenOut(), f.venueAmountIn());
        }
    }
}
