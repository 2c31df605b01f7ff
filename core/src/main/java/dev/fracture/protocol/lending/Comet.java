package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compound v3 (Comet) liquidation, exact, after compound-finance/comet {@code contracts/Comet.sol}
 * ({@code isLiquidatable}, {@code isBorrowCollateralized}, {@code absorbInternal}, {@code quoteCollateral},
 * {@code buyCollateral}).
 * <p>
 * Comet's liquidation is <b>internalized</b>: no liquidator repays debt and takes collateral from the borrower.
 * {@code absorb} moves all of an underwater account's collateral into the protocol's own inventory and credits the
 * account {@code liquidationFactor} times the collateral's value in base — erasing its debt, and crediting any excess
 * as a supply. The protocol pays for this out of its reserves; reserves may go negative, which is the protocol's
 * loss (suppliers are exposed to it, nothing socializes it automatically). The protocol then sells the inventory at
 * a storefront discount through {@code buyCollateral}, only while reserves are below {@code targetReserves}. The
 * discount is {@code storeFrontPriceFactor * (1 - liquidationFactor)} off the feed price.
 * <p>
 * Arithmetic as the contract: {@code mulPrice(n, price, scale) = n * price / scale},
 * {@code mulFactor(n, f) = n * f / 1e18}, {@code divPrice(n, price, scale) = n * scale / price}, truncating (towards
 * zero for the signed liquidity). Interest indexes are not modelled: balances are present values.
 */
public final class Comet {
    public static final Comet DEFAULT = new Comet();
    private static final BigInteger FACTOR_SCALE = BigInteger.valueOf(CometAssetConfig.FACTOR_SCALE);
    /** {@code CometCore.PRICE_SCALE}. */
    public static final BigInteger PRICE_SCALE = BigInteger.valueOf(100_000_000L);

    private Comet() {
    }

    /** USD liquidity (8 decimals) counting collateral at {@code liquidateCollateralFactor}; negative = liquidatable. */
    public BigInteger liquidity(CometMarket market, CometPrices prices, CometAccount account, boolean forBorrow) {
        BigInteger liquidity = account.baseBalance().multiply(prices.price(market.baseAsset()))
                .divide(market.baseScale());
        for (Map.Entry<AssetId, BigInteger> e : new TreeMap<>(account.collateral()).entrySet()) {
            CometAssetConfig a = market.asset(e.getKey(), "account " + account.id() + " collateral");
            BigInteger value = mulPrice(e.getValue(), prices.price(a.asset()), a.scale());
            long factor = forBorrow ? a.borrowCollateralFactor() : a.liquidateCollateralFactor();
            liquidity = liquidity.add(mulFactor(value, factor));
        }
        return liquidity;
    }

    /** {@code Comet.isLiquidatable}: a borrower whose liquidation-factor-weighted collateral is below its debt. */
    public boolean isLiquidatable(CometMarket market, CometPrices prices, CometAccount account) {
        return account.baseBalance().signum() < 0 && liquidity(market, prices, account, false).signum() < 0;
    }

    /** {@code Comet.isBorrowCollateralized}: the test a withdrawal of base (a borrow) must pass. */
    public boolean isBorrowCollateralized(CometMarket market, CometPrices prices, CometAccount account) {
        return account.baseBalance().signum() >= 0 || liquidity(market, prices, account, true).signum() >= 0;
    }

    /** {@code Comet.supplyCollateral}'s cap: {@code totalSupplyAsset + amount <= supplyCap}. */
    public boolean supplyCollateralAllowed(CometAssetConfig asset, BigInteger totalSupplyAsset, BigInteger amount) {
        Require.nonNegative(totalSupplyAsset, "totalSupplyAsset");
        Require.nonNegative(amount, "amount");
        return totalSupplyAsset.add(amount).compareTo(asset.supplyCap()) <= 0;
    }

    /**
     * Absorbs an underwater account: see the class comment.
     *
     * @throws IllegalArgumentException when the account is not liquidatable ({@code NotLiquidatable})
     */
    public CometAbsorbResult absorb(CometMarket market, CometPrices prices, CometState state, CometAccount account) {
        Objects.requireNonNull(state, "state");
        if (!isLiquidatable(market, prices, account)) {
            throw new IllegalArgumentException("absorb of account " + account.id() + ": not liquidatable (NotLiquidatable)");
        }
        BigInteger oldBalance = account.baseBalance();
        BigInteger basePrice = prices.price(market.baseAsset());
        BigInteger deltaValue = BigInteger.ZERO;
        BigInteger totalValue = BigInteger.ZERO;
        Map<AssetId, BigInteger> seized = new TreeMap<>();
        Map<AssetId, BigInteger> inventory = new HashMap<>(state.collateralReserves());
        for (Map.Entry<AssetId, BigInteger> e : new TreeMap<>(account.collateral()).entrySet()) {
            if (e.getValue().signum() == 0) {
                continue;
            }
            CometAssetConfig a = market.asset(e.getKey(), "account " + account.id() + " collateral");
            BigInteger value = mulPrice(e.getValue(), prices.price(a.asset()), a.scale());
            totalValue = totalValue.add(value);
            deltaValue = deltaValue.add(mulFactor(value, a.liquidationFactor()));
            seized.put(a.asset(), e.getValue());
            inventory.merge(a.asset(), e.getValue(), BigInteger::add);
        }
        BigInteger deltaBalance = deltaValue.multiply(market.baseScale()).divide(basePrice);
        BigInteger unclamped = oldBalance.add(deltaBalance);
        BigInteger newBalance = unclamped.max(BigInteger.ZERO);
        BigInteger debtAbsorbed = oldBalance.negate();
        BigInteger supplyCredited = newBalance;
        BigInteger uncovered = unclamped.signum() < 0 ? unclamped.negate() : BigInteger.ZERO;
        BigInteger paidOut = newBalance.subtract(oldBalance);
        CometState after = new CometState(state.reserves().subtract(paidOut), inventory,
                state.totalSupplyBase().add(supplyCredited), state.totalBorrowBase().subtract(debtAbsorbed).max(BigInteger.ZERO));
        CometAccount accountAfter = new CometAccount(account.id(), newBalance, Map.of());
        return new CometAbsorbResult(accountAfter, after, seized, totalValue, deltaBalance, debtAbsorbed,
                supplyCredited, uncovered, paidOut.negate());
    }

    /**
     * {@code Comet.quoteCollateral}: collateral units bought with {@code baseAmount} at the storefront price
     * {@code price * (1 - storeFrontPriceFactor * (1 - liquidationFactor))}.
     */
    public BigInteger quoteCollateral(CometMarket market, CometPrices prices, AssetId asset, BigInteger baseAmount) {
        Require.nonNegative(baseAmount, "baseAmount");
        CometAssetConfig a = market.asset(asset, "quoteCollateral");
        BigInteger discountFactor = mulFactor(BigInteger.valueOf(market.storeFrontPriceFactor()),
                CometAssetConfig.FACTOR_SCALE - a.liquidationFactor());
        BigInteger discounted = prices.price(asset).multiply(FACTOR_SCALE.subtract(discountFactor)).divide(FACTOR_SCALE);
        return prices.price(market.baseAsset()).multiply(baseAmount).multiply(a.scale()).divide(discounted)
                .divide(market.baseScale());
    }

    /**
     * {@code Comet.buyCollateral}: sells protocol-owned collateral for base, allowed only while reserves are below
     * {@code targetReserves}; reserves rise by the base paid.
     *
     * @throws IllegalArgumentException {@code NotForSale} when reserves have reached the target,
     *                                  {@code TooMuchSlippage} below {@code minAmount}, {@code InsufficientReserves}
     *                                  when the protocol holds less of the asset than quoted
     */
    public CometPurchase buyCollateral(CometMarket market, CometPrices prices, CometState state, AssetId asset,
                                       BigInteger minAmount, BigInteger baseAmount) {
        Require.nonNegative(minAmount, "minAmount");
        if (state.reserves().signum() >= 0 && state.reserves().compareTo(market.targetReserves()) >= 0) {
            throw new IllegalArgumentException("buyCollateral: reserves " + state.reserves()
                    + " have reached targetReserves " + market.targetReserves() + " (NotForSale)");
        }
        BigInteger amount = quoteCollateral(market, prices, asset, baseAmount);
        if (amount.compareTo(minAmount) < 0) {
            throw new IllegalArgumentException("buyCollateral: quote " + amount + " < minAmount " + minAmount
                    + " (TooMuchSlippage)");
        }
        BigInteger held = state.collateralReserve(asset);
        if (amount.compareTo(held) > 0) {
            throw new IllegalArgumentException("buyCollateral: quote " + amount + " > collateral reserves " + held
                    + " of " + asset + " (InsufficientReserves)");
        }
        Map<AssetId, BigInteger> inventory = new HashMap<>(state.collateralReserves());
        inventory.put(asset, held.subtract(amount));
        CometState after = new CometState(state.reserves().add(baseAmount), inventory, state.totalSupplyBase(),
                state.totalBorrowBase());
        return new CometPurchase(baseAmount, amount, after);
    }

    private static BigInteger mulPrice(BigInteger n, BigInteger price, BigInteger scale) {
        return n.multiply(price).divide(scale);
    }

    private static BigInteger mulFactor(BigInteger n, long factor) {
        return n.multiply(BigInteger.valueOf(factor)).divide(FACTOR_SCALE);
    }
}
