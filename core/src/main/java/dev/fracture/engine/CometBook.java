package dev.fracture.engine;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.lending.Comet;
import dev.fracture.protocol.lending.CometAbsorbResult;
import dev.fracture.protocol.lending.CometAccount;
import dev.fracture.protocol.lending.CometAssetConfig;
import dev.fracture.protocol.lending.CometMarket;
import dev.fracture.protocol.lending.CometPrices;
import dev.fracture.protocol.lending.CometPurchase;
import dev.fracture.protocol.lending.CometSetup;
import dev.fracture.protocol.lending.CometState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Compound v3 (Comet) market in a run (compound-finance/comet {@code contracts/Comet.sol}: {@code absorb},
 * {@code quoteCollateral}, {@code buyCollateral}, {@code getReserves}).
 *
 * <p>Comet has no third-party liquidation. Each block, when the book observes the block's prices, every account
 * below its liquidate collateral factor is {@code absorb}ed: its collateral moves to the protocol's inventory, its
 * debt is erased and reserves pay for it.
 * Anyone may call absorb and the caller earns only gas points ({@code LiquidatorPoints}), no collateral, so the
 * run gives the call to the protocol's own keeper, the first block the account can be absorbed. Reserves may go
 * negative; what the collateral the protocol still holds would not restore of them is its loss, reported as bad
 * debt ({@link #badDebtUsd}). The absorbed collateral is then an opportunity:
 * while reserves are below {@code targetReserves}, liquidators buy it with base through {@code buyCollateral} at
 * the store-front price {@code price × (1 − storeFrontPriceFactor × (1 − liquidationFactor))} and sell it on the
 * chain's venues — that sale is the forced selling a Comet liquidation causes. A purchase may be funded by a flash
 * loan from another protocol (Balancer's vault lends for free).
 */
final class CometBook implements ProtocolBook {
    /** Gas of buyCollateral with a swap of what it buys: typical receipts, order of magnitude. */
    static final long BUY_GAS = 250_000;
    private static final String INVENTORY = "comet-reserves:";

    private final ProtocolId id;
    private final ChainId chain;
    private final CometMarket market;
    private final OracleId baseOracle;
    private final Map<AssetId, OracleId> oracles;
    private final CometAccount[] accounts;
    private CometState state;
    private CometPrices prices;
    private double baseUsd;
    private final Map<AssetId, Double> collateralUsd = new HashMap<>();
    /** The run's reference (market) prices, for the debt still waiting to go bad ({@link #underwaterUsd}). */
    private OracleBank.ReferenceView reference = asset -> 0;
    private final Ledger ledger = new Ledger();
    /**
     * The fast engine's shortcut (null: the reference's check of every account every block): the prices of the last
     * full check, and the accounts absorbed since. {@code isLiquidatable} reads only the market, the prices and the
     * account; an account found healthy stays healthy while neither its balances nor the prices change, so at the
     * same prices only the accounts absorbed since need checking again.
     */
    private CometPrices checkedAt;
    private List<Integer> absorbedSinceCheck;
    private boolean indexed;

    /** What moved since the start, exact, in token units (base units for debt and reserves). */
    private static final class Ledger {
        BigInteger initialReserves;
        BigInteger initialBorrow = BigInteger.ZERO;
        final Map<AssetId, BigInteger> initialCollateral = new TreeMap<>();
        BigInteger debtAbsorbed = BigInteger.ZERO;
        BigInteger debtCoveredByCollateral = BigInteger.ZERO;
        BigInteger debtUncovered = BigInteger.ZERO;
        BigInteger paidOut = BigInteger.ZERO;
        BigInteger basePaidByBuyers = BigInteger.ZERO;
        final Map<AssetId, BigInteger> soldToBuyers = new TreeMap<>();
        int absorbs;
    }

    CometBook(ProtocolId id, ChainId chain, CometSetup setup) {
        this.id = id;
        this.chain = chain;
        this.market = setup.market();
        this.baseOracle = setup.baseOracle();
        this.oracles = new TreeMap<>(setup.oracles());
        this.accounts = setup.accounts().toArray(new CometAccount[0]);
        this.state = setup.state();
        ledger.initialReserves = state.reserves();
        for (CometAccount a : accounts) {
            if (a.baseBalance().signum() < 0) {
                ledger.initialBorrow = ledger.initialBorrow.subtract(a.baseBalance());
            }
            a.collateral().forEach((asset, amount) -> ledger.initialCollateral.merge(asset, amount, BigInteger::add));
        }
    }

    @Override
    public ProtocolId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        Map<AssetId, Long> p = new HashMap<>();
        this.reference = reference;
        baseUsd = bank.usd(baseOracle, now);
        p.put(market.baseAsset(), toPriceScale(baseUsd));
        oracles.forEach((asset, oracle) -> {
            double usd = bank.usd(oracle, now);
            collateralUsd.put(asset, usd);
            p.put(asset, toPriceScale(usd));
        });
        prices = new CometPrices(p);
        List<Integer> absorbed = new ArrayList<>();
        if (indexed && prices.equals(checkedAt)) {
            for (int i : absorbedSinceCheck) {
                if (Comet.DEFAULT.isLiquidatable(market, prices, accounts[i])) {
                    absorb(i);
                    absorbed.add(i);
                }
            }
        } else {
            for (int i = 0; i < accounts.length; i++) {
                if (Comet.DEFAULT.isLiquidatable(market, prices, accounts[i])) {
                    absorb(i);
                    absorbed.add(i);
                }
            }
        }
        checkedAt = prices;
        absorbedSinceCheck = absorbed;
    }

    @Override
    public void useIndex(boolean indexed) {
        this.indexed = indexed;
    }

    /** {@code CometCore.PRICE_SCALE}: USD with 8 decimals, as Comet's price feeds answer. */
    private static long toPriceScale(double usd) {
        return ShortestDecimal.units(usd, 8, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The protocol's collateral for sale, per asset, while reserves are below target. */
    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        List<LiquidationOpportunity> out = new ArrayList<>();
        if (!forSale()) {
            return out;
        }
        for (Map.Entry<AssetId, BigInteger> e : new TreeMap<>(state.collateralReserves()).entrySet()) {
            if (e.getValue().signum() == 0) {
                continue;
            }
            CometAssetConfig a = market.asset(e.getKey(), "comet book");
            double held = tokens(e.getValue(), a.decimals());
            double perBase = collateralPerBase(a);
            out.add(new LiquidationOpportunity(id, AccountId.of(INVENTORY + a.asset().value()), chain,
                    market.baseAsset(), a.asset(), held / perBase, perBase, held, FlashLoanTerms.FREE, BUY_GAS,
                    block));
        }
        return out;
    }

    private boolean forSale() {
        return state.reserves().signum() < 0 || state.reserves().compareTo(market.targetReserves()) < 0;
    }

    /** Collateral tokens one base token buys at the store-front price (Comet.quoteCollateral in doubles). */
    private double collateralPerBase(CometAssetConfig a) {
        double discount = market.storeFrontPriceFactor() / 1e18 * (1 - a.liquidationFactor() / 1e18);
        return prices.price(market.baseAsset()).doubleValue()
                / (prices.price(a.asset()).doubleValue() * (1 - discount));
    }

    private void absorb(int i) {
        CometAbsorbResult r = Comet.DEFAULT.absorb(market, prices, state, accounts[i]);
        accounts[i] = r.accountAfter();
        state = r.stateAfter();
        ledger.debtAbsorbed = ledger.debtAbsorbed.add(r.debtAbsorbed());
        ledger.debtUncovered = ledger.debtUncovered.add(r.uncoveredDebt());
        ledger.debtCoveredByCollateral = ledger.debtCoveredByCollateral.add(r.debtAbsorbed()
                .subtract(r.uncoveredDebt()));
        ledger.paidOut = ledger.paidOut.subtract(r.reservesChange());
        ledger.absorbs++;
    }

    @Override
    public Applied apply(LiquidationPlan plan) {
        AssetId asset = plan.opportunity().collateralAsset();
        CometAssetConfig a = market.asset(asset, "comet book");
        BigInteger held = state.collateralReserve(asset);
        if (!forSale() || held.signum() == 0) {
            return new Applied(0, 0, 0);
        }
        // The plan's amount came from whole units through a double: the nearest unit is the one meant.
        BigInteger base = ShortestDecimal.units(plan.repay(), market.baseDecimals(), RoundingMode.HALF_EVEN);
        BigInteger quote = Comet.DEFAULT.quoteCollateral(market, prices, asset, base);
        if (quote.compareTo(held) > 0) {
            // Scale down to what the inventory holds; integer truncation may still leave the quote a unit above.
            base = base.multiply(held).divide(quote);
            while (base.signum() > 0
                    && Comet.DEFAULT.quoteCollateral(market, prices, asset, base).compareTo(held) > 0) {
                base = base.subtract(BigInteger.ONE);
            }
        }
        if (base.signum() <= 0) {
            return new Applied(0, 0, 0);
        }
        CometPurchase p = Comet.DEFAULT.buyCollateral(market, prices, state, asset, BigInteger.ZERO, base);
        state = p.stateAfter();
        ledger.basePaidByBuyers = ledger.basePaidByBuyers.add(p.basePaid());
        ledger.soldToBuyers.merge(asset, p.collateralReceived(), BigInteger::add);
        return new Applied(tokens(p.basePaid(), market.baseDecimals()), tokens(p.collateralReceived(), a.decimals()),
                0);
    }

    private static double tokens(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals).doubleValue();
    }

    /** Reserves in base tokens (negative: the protocol owes more than it holds). */
    double reserves() {
        return tokens(state.reserves(), market.baseDecimals());
    }

    int absorbs() {
        return ledger.absorbs;
    }

    /** Collateral the protocol still holds, token units. */
    double inventory(AssetId asset) {
        return tokens(state.collateralReserve(asset), market.asset(asset, "comet book").decimals());
    }

    /**
     * Checks the market's conservation laws, exact, and fails loudly when one breaks: borrows now + debt absorbed =
     * borrows at the start; debt absorbed = debt the collateral credit covered + debt nothing covered (debt repaid +
     * bad debt = debt removed); per asset, collateral on accounts + protocol inventory + sold to buyers = collateral at
     * the start; reserves = reserves at the start − base paid out by absorbs + base paid by buyers.
     */
    void checkConservation() {
        BigInteger borrow = BigInteger.ZERO;
        Map<AssetId, BigInteger> collateral = new TreeMap<>();
        for (CometAccount a : accounts) {
            if (a.baseBalance().signum() < 0) {
                borrow = borrow.subtract(a.baseBalance());
            }
            a.collateral().forEach((asset, amount) -> collateral.merge(asset, amount, BigInteger::add));
        }
        require(borrow.add(ledger.debtAbsorbed).equals(ledger.initialBorrow), "borrows " + borrow + " + absorbed "
                + ledger.debtAbsorbed + " != borrows at start " + ledger.initialBorrow);
        require(ledger.debtCoveredByCollateral.add(ledger.debtUncovered).equals(ledger.debtAbsorbed),
                "covered + uncovered != absorbed");
        for (Map.Entry<AssetId, BigInteger> e : ledger.initialCollateral.entrySet()) {
            BigInteger now = collateral.getOrDefault(e.getKey(), BigInteger.ZERO)
                    .add(state.collateralReserve(e.getKey()))
                    .add(ledger.soldToBuyers.getOrDefault(e.getKey(), BigInteger.ZERO));
            require(now.equals(e.getValue()), e.getKey() + ": accounts + inventory + sold " + now
                    + " != collateral at start " + e.getValue());
        }
        BigInteger expected = ledger.initialReserves.subtract(ledger.paidOut).add(ledger.basePaidByBuyers);
        require(state.reserves().equals(expected), "reserves " + state.reserves() + " != " + expected);
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("comet " + id + " conservation broken: " + what);
        }
    }

    @Override
    public double debtUsd() {
        BigInteger borrow = BigInteger.ZERO;
        for (CometAccount a : accounts) {
            if (a.baseBalance().signum() < 0) {
                borrow = borrow.subtract(a.baseBalance());
            }
        }
        return tokens(borrow, market.baseDecimals()) * baseUsd;
    }

    @Override
    public double collateralUsd() {
        double usd = 0;
        for (CometAccount a : accounts) {
            usd += collateralUsd(a);
        }
        return usd;
    }

    private double collateralUsd(CometAccount a) {
        double usd = 0;
        for (Map.Entry<AssetId, BigInteger> e : a.collateral().entrySet()) {
            usd += tokens(e.getValue(), market.asset(e.getKey(), "comet book").decimals())
                    * collateralUsd.getOrDefault(e.getKey(), 0.0);
        }
        return usd;
    }

    /**
     * The protocol's loss: reserves below zero ({@code Comet.getReserves}) that the absorbed collateral it still
     * holds would not restore if sold at the store-front price ({@code Comet.quoteCollateral}, the price
     * {@code buyCollateral} sells it at). Right after an absorb the reserves drop by the whole debt while the
     * collateral sits in the protocol's inventory; counting the drop alone read as a loss that the first purchases
     * then took back (an absorb of $74.7M "bad debt" back to 0 within the hour in eth-crash-30's trace).
     */
    @Override
    public double badDebtUsd() {
        if (state.reserves().signum() >= 0) {
            return 0;
        }
        double shortfallBase = -tokens(state.reserves(), market.baseDecimals());
        double inventoryBase = 0;
        for (Map.Entry<AssetId, BigInteger> e : new TreeMap<>(state.collateralReserves()).entrySet()) {
            if (e.getValue().signum() > 0) {
                CometAssetConfig a = market.asset(e.getKey(), "comet book");
                inventoryBase += tokens(e.getValue(), a.decimals()) / collateralPerBase(a);
            }
        }
        return Math.max(0, shortfallBase - inventoryBase) * baseUsd;
    }

    @Override
    public double underwaterUsd() {
        double usd = 0;
        double baseAtReference = reference.usd(market.baseAsset());
        for (CometAccount a : accounts) {
            if (a.baseBalance().signum() < 0) {
                double debt = -tokens(a.baseBalance(), market.baseDecimals()) * baseAtReference;
                double collateral = 0;
                for (Map.Entry<AssetId, BigInteger> e : a.collateral().entrySet()) {
                    collateral += tokens(e.getValue(), market.asset(e.getKey(), "comet book").decimals())
                            * reference.usd(e.getKey());
                }
                if (debt > collateral) {
                    usd += debt;
                }
            }
        }
        return usd;
    }
}
