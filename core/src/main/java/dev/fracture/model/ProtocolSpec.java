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
         * RAY; {@code chop} in WAD; {@code dust}, {@code line} and {@code hole} in stablecoin units.
         */
        public record Ilk(String name, AssetId collateral, OracleId oracle, BigInteger mat, BigInteger duty,
                          BigInteger rate, BigDecimal dust, BigDecimal line, BigDecimal hole, BigInteger chop,
                          Clipper clipper) {
        }

        /** Clipper parameters: {@code buf}, {@code cusp} in RAY, {@code chip} in WAD, {@code tip} in stablecoin. */
        public record Clipper(BigInteger buf, long tail, BigInteger cusp, BigInteger chip, BigDecimal tip,
                              Calc calc) {
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

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
