package dev.fracture.engine;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.Opportunities;
import dev.fracture.model.Asset;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.protocol.lending.MorphoBlue;
import dev.fracture.protocol.lending.MorphoLiquidationResult;
import dev.fracture.protocol.lending.MorphoMarketParams;
import dev.fracture.protocol.lending.MorphoMarketState;
import dev.fracture.protocol.lending.MorphoPosition;
import dev.fracture.protocol.lending.MorphoSetup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Morpho Blue markets in a run. Each market's oracle prices its collateral in USD; the collateral's price in the
 * loan asset, scaled as Morpho's ORACLE_PRICE_SCALE (1e36, adjusted for decimals), divides by the loan asset's
 * reference price. Liquidations seize collateral with {@link MorphoBlue}; when a position's collateral reaches
 * zero its remaining borrow is realized at once as bad debt against the market's suppliers.
 */
final class MorphoBook implements ProtocolBook {
    /** Gas of Morpho.liquidate with a swap of the collateral: typical receipts, order of magnitude. */
    static final long LIQUIDATION_GAS = 300_000;

    private final ProtocolId id;
    private final ChainId chain;
    private final Market[] markets;
    private double badDebtUsd;
    private LiquidationTerms terms = LiquidationTerms.NONE;

    /** One market's parameters and live state. */
    private static final class Market {
        final MorphoSetup setup;
        final Asset loan;
        final Asset collateral;
        MorphoMarketState state;
        final List<MorphoPosition> positions;
        BigInteger price;
        double collateralUsd;
        double loanUsd;

        Market(MorphoSetup setup, Asset loan, Asset collateral) {
            this.setup = setup;
            this.loan = loan;
            this.collateral = collateral;
            this.state = setup.state();
            this.positions = new ArrayList<>(setup.positions());
        }

        MorphoMarketParams params() {
            return setup.params();
        }
    }

    MorphoBook(ProtocolId id, ChainId chain, List<MorphoSetup> setups, EcosystemSnapshot snapshot) {
        this.id = id;
        this.chain = chain;
        this.markets = new Market[setups.size()];
        for (int i = 0; i < setups.size(); i++) {
            MorphoSetup s = setups.get(i);
            markets[i] = new Market(s, snapshot.asset(s.params().loanToken()).orElseThrow(),
                    snapshot.asset(s.params().collateralToken()).orElseThrow());
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

    /**
     * Mitigations may change how a market values its collateral; its liquidation incentive factor is the contract's
     * function of the LLTV, so bonus changes do not apply to Morpho markets.
     */
    @Override
    public void useTerms(LiquidationTerms terms) {
        this.terms = terms;
    }

    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        for (Market m : markets) {
            m.collateralUsd = terms.valuationUsd(m.collateral.id(), bank.usd(m.setup.oracle(), now));
            m.loanUsd = reference.usd(m.loan.id());
            double inLoan = m.collateralUsd / m.loanUsd;
            m.price = BigDecimal.valueOf(inLoan).movePointRight(36 + m.loan.decimals() - m.collateral.decimals())
                    .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        }
    }

    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        List<LiquidationOpportunity> out = new ArrayList<>();
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                if (p.borrowShares().signum() == 0) {
                    continue;
                }
                Opportunities.morpho(id, chain, m.params(), m.state, p, m.price, m.loan.decimals(),
                        m.collateral.decimals(), FlashLoanTerms.FREE, LIQUIDATION_GAS, block).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public Applied apply(LiquidationPlan plan) {
        LiquidationOpportunity o = plan.opportunity();
        for (Market m : markets) {
            if (!m.params().collateralToken().equals(o.collateralAsset()) || !m.params().loanToken().equals(o.debtAsset())) {
                continue;
            }
            for (int i = 0; i < m.positions.size(); i++) {
                MorphoPosition p = m.positions.get(i);
                if (!p.id().equals(o.account())) {
                    continue;
                }
                // The plan's amount came from whole units through a double: the nearest unit is the one meant.
                BigInteger seize = BigDecimal.valueOf(plan.collateral()).movePointRight(m.collateral.decimals())
                        .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact().min(p.collateral());
                if (seize.signum() <= 0) {
                    return new Applied(0, 0, 0);
                }
                MorphoLiquidationResult r = seizeOrRepay(m, p, seize);
                m.state = r.stateAfter();
                m.positions.set(i, r.positionAfter());
                double bad = new BigDecimal(r.badDebtAssets(), m.loan.decimals()).doubleValue() * m.loanUsd;
                badDebtUsd += bad;
                return new Applied(new BigDecimal(r.repaidAssets(), m.loan.decimals()).doubleValue(),
                        new BigDecimal(r.seizedAssets(), m.collateral.decimals()).doubleValue(), bad);
            }
        }
        throw new IllegalStateException("no Morpho position " + o.account() + " in " + id);
    }

    /**
     * A seizure that reaches what repaying every share would take repays by shares (seizing all but a sliver by
     * seizedAssets could ask for more shares than the position holds, which the contract would revert).
     */
    private static MorphoLiquidationResult seizeOrRepay(Market m, MorphoPosition p, BigInteger seize) {
        if (seize.compareTo(MorphoBlue.DEFAULT.collateralToRepayAll(m.params(), m.state, p, m.price)) >= 0) {
            return MorphoBlue.DEFAULT.liquidateAll(m.params(), m.state, p, m.price);
        }
        return MorphoBlue.DEFAULT.liquidateBySeizedAssets(m.params(), m.state, p, m.price, seize);
    }

    @Override
    public double debtUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                usd += borrowTokens(m, p) * m.loanUsd;
            }
        }
        return usd;
    }

    private static double borrowTokens(Market m, MorphoPosition p) {
        return new BigDecimal(MorphoBlue.toAssetsUp(p.borrowShares(), m.state.totalBorrowAssets(),
                m.state.totalBorrowShares()), m.loan.decimals()).doubleValue();
    }

    @Override
    public double collateralUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                usd += new BigDecimal(p.collateral(), m.collateral.decimals()).doubleValue() * m.collateralUsd;
            }
        }
        return usd;
    }

    @Override
    public double badDebtUsd() {
        return badDebtUsd;
    }

    @Override
    public double underwaterUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                double debt = borrowTokens(m, p) * m.loanUsd;
                double coll = new BigDecimal(p.collateral(), m.collateral.decimals()).doubleValue() * m.collateralUsd;
                if (debt > coll) {
                    usd += debt;
                }
            }
        }
        return usd;
    }
}
