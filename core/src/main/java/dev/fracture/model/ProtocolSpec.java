package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The stored state of a lending or CDP protocol deployment: its parameters, kept in the units the contracts use
 * (basis points, WAD = 1e18, RAY = 1e27), the oracle feed each market reads, and its positions. Token amounts are
 * decimals in token units (1.5 means 1.5 ETH), as in {@link VenueSpec}; converters next to each mechanic in
 * {@code dev.fracture.protocol} turn them into the integer units the contracts hold, once.
 *
 * <p>Lists are copied; a list given as null stays null so that the validator can report it as required.
 */
public sealed interface ProtocolSpec {

    ProtocolId id();

    ChainId chain();

    /** An amount of one asset, in token units. */
    record Balance(AssetId asset, BigDecimal amount) {
    }

    /**
     * An Aave v3 style pool: reserves with their risk parameters as {@code ReserveConfiguration} stores them (caps in
     * whole tokens, 0 = none; the isolation debt ceiling with 2 decimals, 0 = not isolated; bonus including the
     * principal, 10500 = 5%), efficiency-mode categories, and accounts.
     */
    record PooledLending(ProtocolId id, ChainId chain, List<Reserve> reserves, List<EModeCategory> eModeCategories,
                         List<Account> accounts) implements ProtocolSpec {
        public PooledLending {
            reserves = copy(reserves);
            eModeCategories = copy(eModeCategories);
            accounts = copy(accounts);
        }

        /**
         * The loan-to-value that applies to {@code account}'s collateral in {@code reserve}, bps: its e-mode
         * category's when the account is in a category and the reserve belongs to it, the reserve's own otherwise
         * (aave-v3-core {@code GenericLogic.calculateUserAccountData}: {@code EModeLogic.isInEModeCategory}).
         */
        public int ltvBps(Account account, Reserve reserve) {
            EModeCategory category = categoryOf(account, reserve);
            return category != null ? category.ltvBps() : reserve.ltvBps();
        }

        /** The liquidation threshold that applies to {@code account}'s collateral in {@code reserve}, bps (as above). */
        public int liquidationThresholdBps(Account account, Reserve reserve) {
            EModeCategory category = categoryOf(account, reserve);
            return category != null ? category.liquidationThresholdBps() : reserve.liquidationThresholdBps();
        }

        /** The e-mode category whose parameters apply to the account's collateral in the reserve, or null. */
        private EModeCategory categoryOf(Account account, Reserve reserve) {
            if (account.eModeCategory() == 0 || reserve.eModeCategory() != account.eModeCategory()) {
                return null;
            }
            for (EModeCategory c : eModeCategories) {
                if (c.id() == account.eModeCategory()) {
                    return c;
                }
            }
            return null;
        }

        public record Reserve(AssetId asset, OracleId oracle, int ltvBps, int liquidationThresholdBps,
                              int liquidationBonusBps, int liquidationProtocolFeeBps, long supplyCap, long borrowCap,
                              long debtCeiling, boolean borrowableInIsolation, int eModeCategory) {
        }

        public record EModeCategory(int id, int ltvBps, int liquidationThresholdBps, int liquidationBonusBps) {
        }

        /** An account in e-mode {@code eModeCategory} (0 = none), with supplied balances and variable debts. */
        public record Account(AccountId id, int eModeCategory, List<Supply> collaterals, List<Balance> debts) {
            public Account {
                collaterals = copy(collaterals);
                debts = copy(debts);
            }
        }

        /** A supplied balance; {@code usedAsCollateral} false means it earns interest but backs no debt. */
        public record Supply(AssetId asset, BigDecimal amount, boolean usedAsCollateral) {
        }
    }

    /** Morpho Blue style isolated markets, one collateral and one loan asset each. */
    record IsolatedLending(ProtocolId id, ChainId chain, List<Market> markets) implements ProtocolSpec {
        public IsolatedLending {
            markets = copy(markets);
        }

        /**
         * One market: {@code lltv} in WAD, the oracle pricing the collateral, the loan asset supplied in total, and
         * the borrowers' positions. {@code id} names the market within the protocol (on chain it is a hash).
         */
        public record Market(String id, AssetId loanAsset, AssetId collateralAsset, BigInteger lltv, OracleId oracle,
                             BigDecimal totalSupply, List<Position> positions) {
            public Market {
                positions = copy(positions);
            }
        }

        /** Collateral in the collateral asset's units, borrow in the loan asset's units (interest accrued). */
        public record Position(AccountId account, BigDecimal collateral, BigDecimal borrow) {
        }
    }

    /**
     * A Compound v3 (Comet) market: one borrowable base asset, collateral assets with factors in WAD as the
     * configurator takes them, the storefront price factor (WAD), the protocol's reserves (base token units, negative
     * when it owes more than it holds) and target reserves.
     */
    record CometLending(ProtocolId id, ChainId chain, AssetId baseAsset, OracleId baseOracle,
                        BigInteger storeFrontPriceFactor, BigDecimal reserves, BigDecimal targetReserves,
                        List<Collateral> assets, List<Account> accounts) implements ProtocolSpec {
        public CometLending {
            assets = copy(assets);
            accounts = copy(accounts);
        }

        public record Collateral(AssetId asset, OracleId oracle, BigInteger borrowCollateralFactor,
                                 BigInteger liquidateCollateralFactor, BigInteger liquidationFactor,
                                 BigDecimal supplyCap) {
        }

        /** {@code baseBalance} in base token units, negative for a borrower; collateral in each asset's units. */
        public record Account(AccountId id, BigDecimal baseBalance, List<Balance> collateral) {
            public Account {
                collateral = copy(collateral);
            }
        }
    }

    /**
     * A Maker (dss) style CDP system: the stablecoin it issues, the Dog's global {@code hole} (stablecoin units), its
     * collateral types and vaults.
     */
    record CdpSystem(ProtocolId id, ChainId chain, AssetId stablecoin, BigDecimal hole, List<Ilk> ilks,
                     List<Vault> vaults) implements ProtocolSpec {
        public CdpSystem {
            ilks = copy(ilks);
            vaults = copy(vaults);
        }

        /**
         * A collateral type. {@code mat}, {@code duty} (per-second fee factor) and {@code rate} (debt accumulator) in
         * RAY; {@code chop} in WAD; {@code dust}, {@code line} and {@code hole} in stablecoin units. Its liquidations
         * run either Liquidations 2.0 ({@code clipper}: the Dog and a Dutch auction) or the 2020 system
         * ({@code flipper}: the Cat and an English auction); exactly one is set.
         */
        public record Ilk(String name, AssetId collateral, OracleId oracle, BigInteger mat, BigInteger duty,
                          BigInteger rate, BigDecimal dust, BigDecimal line, BigDecimal hole, BigInteger chop,
                          Clipper clipper, Flipper flipper) {
            /** An ilk liquidated by a Clipper. */
            public Ilk(String name, AssetId collateral, OracleId oracle, BigInteger mat, BigInteger duty,
                       BigInteger rate, BigDecimal dust, BigDecimal line, BigDecimal hole, BigInteger chop,
                       Clipper clipper) {
                this(name, collateral, oracle, mat, duty, rate, dust, line, hole, chop, clipper, null);
            }
        }

        /** Clipper parameters: {@code buf}, {@code cusp} in RAY, {@code chip} in WAD, {@code tip} in stablecoin. */
        public record Clipper(BigInteger buf, long tail, BigInteger cusp, BigInteger chip, BigDecimal tip,
                              Calc calc) {
        }

        /**
         * Flipper parameters (flip.sol with cat.sol, before Liquidations 1.2): {@code beg} in WAD, {@code ttl} and
         * {@code tau} in seconds, and the Cat's lot size {@code lump} in collateral units.
         */
        public record Flipper(BigInteger beg, long ttl, long tau, BigDecimal lump) {
        }

        /** The auction price curve of {@code abaci.sol}. */
        public sealed interface Calc {
        }

        public record LinearDecrease(long tau) implements Calc {
        }

        /** {@code cut} in RAY, applied once every {@code step} seconds. */
        public record StairstepExponentialDecrease(long step, BigInteger cut) implements Calc {
        }

        /** {@code cut} in RAY, applied every second. */
        public record ExponentialDecrease(BigInteger cut) implements Calc {
        }

        /** A vault of {@code owner} in {@code ilk}: {@code ink} in collateral units, normalized debt {@code art}. */
        public record Vault(AccountId owner, String ilk, BigDecimal ink, BigDecimal art) {
        }
    }

    /**
     * A Liquity v1 style system: troves of one collateral asset borrowing one stablecoin, the ratios {@code mcr} and
     * {@code ccr} in WAD, the gas compensation reserved per trove (stablecoin units), the liquidator's collateral share
     * 1/{@code percentDivisor}, and the stability pool's total deposits.
     */
    record StabilityPoolSystem(ProtocolId id, ChainId chain, AssetId stablecoin, AssetId collateral, OracleId oracle,
                               BigInteger mcr, BigInteger ccr, BigDecimal gasCompensation, long percentDivisor,
                               BigDecimal poolDeposits, List<Trove> troves) implements ProtocolSpec {
        public StabilityPoolSystem {
            troves = copy(troves);
        }

        /** Collateral in collateral units, composite debt (gas compensation included) in stablecoin units. */
        public record Trove(AccountId owner, BigDecimal coll, BigDecimal debt) {
        }
    }

    /**
     * A perpetual-futures exchange with an order book per market, in the Hyperliquid style: accounts hold collateral
     * in {@code settlementAsset} (USD-valued, e.g. USDC) and positions in its markets; a liquidation goes through the
     * waterfall of {@code dev.fracture.protocol.perp.PerpLiquidation} — the book, then the backstop vault, the
     * insurance fund, auto-deleveraging and socialized loss. Money ({@code insuranceFund}, vault equity, collateral,
     * isolated margin) is in settlement-asset units; sizes in base units of the market (positive long), prices in
     * USD per base unit.
     */
    record PerpExchange(ProtocolId id, ChainId chain, AssetId settlementAsset, BigDecimal insuranceFund,
                        Vault vault, List<PerpMarket> markets, List<PerpAccount> accounts) implements ProtocolSpec {
        public PerpExchange {
            markets = copy(markets);
            accounts = copy(accounts);
        }

        /**
         * The backstop liquidity vault (Hyperliquid's HLP liquidator strategy): it takes over positions up to
         * {@code equity × maxLeverage} of notional.
         */
        public record Vault(BigDecimal equity, double maxLeverage) {
        }

        /**
         * One market. {@code asset} is the underlying whose reference price the market's oracle follows and whose
         * forced selling the liquidations cause; {@code oracle} the feed the exchange reads (null: the reference
         * price itself, which stands for the exchanges' median Hyperliquid's validators publish);
         * {@code spotAsset} the underlying's token on the exchange's chain, through which the makers' hedge of the
         * liquidation flow is sold on that chain's venues (null: the hedge goes to the reference market only).
         * Tiers, partial-liquidation and backstop rules as {@code dev.fracture.protocol.perp.PerpMarket} takes them.
         */
        public record PerpMarket(String id, AssetId asset, OracleId oracle, AssetId spotAsset, List<Tier> tiers,
                                 double partialLiquidationNotional, double partialLiquidationFraction,
                                 double backstopFraction, Funding funding, Book book) {
            public PerpMarket {
                tiers = copy(tiers);
            }
        }

        /** From {@code lowerBound} USD of notional on, at most {@code maxLeverage}. */
        public record Tier(double lowerBound, double maxLeverage) {
        }

        /** Funding parameters as {@code dev.fracture.protocol.perp.FundingParams} takes them. */
        public record Funding(double intervalHours, double basisHours, double interestRate, double premiumClamp,
                              double capPerInterval, double impactNotional) {
        }

        /**
         * The makers' resting book, requoted each block around the reference price: {@code levels} price levels a
         * side, {@code levelSpacingBps} apart (the first one that far from the centre), {@code levelNotionalUsd}
         * resting at each; the taker fee in pips (1e-6); and the share of the liquidation flow they absorb that the
         * makers hedge at once by trading the underlying.
         */
        public record Book(int levels, double levelSpacingBps, double levelNotionalUsd, int takerFeePips,
                           double makerHedgeFraction) {
        }

        /** An account: cross collateral (settlement units, may be negative after realized losses) and positions. */
        public record PerpAccount(AccountId id, BigDecimal crossCollateral, List<PerpPosition> positions) {
            public PerpAccount {
                positions = copy(positions);
            }
        }

        /** A position; {@code isolatedMargin} is 0 for a cross position. */
        public record PerpPosition(String market, double size, double entryPrice, MarginMode mode,
                                   BigDecimal isolatedMargin) {
        }

        public enum MarginMode {
            CROSS,
            ISOLATED
        }
    }

    /**
     * Options market makers' book on one underlying, as the dealers hold it, hedged by trading the underlying: the
     * share {@code venueShare} of each re-hedge on the venues of {@code chain} (sold as {@code spotAsset} against
     * {@code quoteAsset}), the rest on the reference market, where it counts as forced selling (a dealer of an
     * off-chain venue such as Deribit hedges mostly on centralized exchanges). Implied vols from a surface as
     * {@code dev.fracture.protocol.options.VolSurface} takes it; expiries in days after the snapshot's {@code asOf}.
     */
    record OptionsDealer(ProtocolId id, ChainId chain, AssetId underlying, AssetId spotAsset, AssetId quoteAsset,
                         double venueShare, double hedgeBand, double rate, double yield, Surface surface,
                         List<OptionHolding> positions) implements ProtocolSpec {
        public OptionsDealer {
            positions = copy(positions);
        }

        /** At-the-money pillars, skew and curvature in forward log-moneyness, and a floor on the vol. */
        public record Surface(List<AtmVol> atm, double skew, double curvature, double floor) {
            public Surface {
                atm = copy(atm);
            }
        }

        /** At-the-money implied vol {@code vol} (0.55 = 55%) for expiries {@code expiryDays} days out. */
        public record AtmVol(double expiryDays, double vol) {
        }

        /** {@code size} options on one unit each; {@code LONG} when the dealers bought them. */
        public record OptionHolding(String id, OptionKind type, double strike, double expiryDays, double size,
                                    Side side) {
        }

        public enum OptionKind {
            CALL,
            PUT
        }

        public enum Side {
            LONG,
            SHORT
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
