package dev.fracture.agent;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.protocol.cdp.Auction;
import dev.fracture.protocol.cdp.AuctionStatus;
import dev.fracture.protocol.cdp.Clipper;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountData;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AaveLiquidation;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.MorphoBlue;
import dev.fracture.protocol.lending.MorphoMarketParams;
import dev.fracture.protocol.lending.MorphoMarketState;
import dev.fracture.protocol.lending.MorphoPosition;
import dev.fracture.protocol.lending.TokenAmounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Turns each protocol's liquidation rules into the protocol-neutral {@link LiquidationOpportunity} a liquidator
 * prices. Each method asks the protocol's own mechanic for the largest liquidation it would allow now, so the
 * cap, the bonus, the protocol's fee and the rounding are the protocol's, not re-derived here; repaying less
 * scales linearly (to within a unit of rounding), which is how the liquidator sizes its call.
 */
public final class Opportunities {
    private Opportunities() {
    }

    /**
     * An Aave v3 account with health factor below 1: the close factor caps the repayment, the bonus and the protocol
     * fee set the collateral the liquidator receives (LiquidationLogic.executeLiquidationCall).
     */
    public static Optional<LiquidationOpportunity> aave(ProtocolId protocol, ChainId chain, AaveMarket market,
                                                        AavePrices prices, AaveAccount account, AssetId collateral,
                                                        AssetId debt, FlashLoanTerms flash, long gasUnits,
                                                        long detectedBlock) {
        return aave(protocol, chain, market, prices, account, AaveHealth.DEFAULT.accountData(market, prices, account),
                collateral, debt, flash, gasUnits, detectedBlock);
    }

    /**
     * {@link #aave} for a caller that has the account's data at these prices already ({@code data}:
     * {@link AaveHealth#accountData} of this market, prices and account), so that it is computed once.
     */
    public static Optional<LiquidationOpportunity> aave(ProtocolId protocol, ChainId chain, AaveMarket market,
                                                        AavePrices prices, AaveAccount account, AaveAccountData data,
                                                        AssetId collateral, AssetId debt, FlashLoanTerms flash,
                                                        long gasUnits, long detectedBlock) {
        if (!data.liquidatable()) {
            return Optional.empty();
        }
        return aave(protocol, chain, market, prices, AaveLiquidation.Position.of(account, collateral, debt), data,
                collateral, debt, flash, gasUnits, detectedBlock);
    }

    /**
     * {@link #aave} from what the liquidation call reads of the account ({@code position}: its balances of
     * {@code collateral} and {@code debt}), for a holder of accounts that keeps no records of them.
     */
    public static Optional<LiquidationOpportunity> aave(ProtocolId protocol, ChainId chain, AaveMarket market,
                                                        AavePrices prices, AaveLiquidation.Position position,
                                                        AaveAccountData data, AssetId collateral, AssetId debt,
                                                        FlashLoanTerms flash, long gasUnits, long detectedBlock) {
        if (!data.liquidatable() || position.debt().signum() == 0 || position.collateral() == null
                || position.collateral().signum() == 0) {
            return Optional.empty();
        }
        AaveLiquidation.Seizure max = AaveLiquidation.DEFAULT.seizure(market, prices, position, data, collateral,
                debt, position.debt());
        if (max.debtRepaid().signum() == 0) {
            return Optional.empty();
        }
        double repay = tokens(max.debtRepaid(), market.reserve(debt, "opportunity").decimals());
        double received = tokens(max.collateralToLiquidator(), market.reserve(collateral, "opportunity").decimals());
        return Optional.of(aave(protocol, chain, position.account(), collateral, debt, repay, received, flash,
                gasUnits, detectedBlock));
    }

    /**
     * The opportunity of a call whose amounts are already read in tokens ({@code offer}: {@link AaveAccountTable#offer}
     * answered {@link AaveAccountTable#OFFERS}, the amounts of {@link #aave} reckoned in words), for a holder of
     * accounts that keeps no records of them; null where it repays nothing. Null rather than an empty
     * {@code Optional}: a book checks its liquidatable accounts at every oracle move, and an {@code Optional} per check
     * was a tenth of a gigabyte a run at 1,000,000 accounts.
     */
    public static LiquidationOpportunity aaveOrNull(ProtocolId protocol, ChainId chain, AccountId account,
                                                    AssetId collateral, AssetId debt,
                                                    AaveAccountTable.OfferAmounts offer, FlashLoanTerms flash,
                                                    long gasUnits, long detectedBlock) {
        if (offer.repayTokens() == 0) {
            return null;
        }
        return aave(protocol, chain, account, collateral, debt, offer.repayTokens(), offer.receivedTokens(), flash,
                gasUnits, detectedBlock);
    }

    private static LiquidationOpportunity aave(ProtocolId protocol, ChainId chain, AccountId account,
                                               AssetId collateral, AssetId debt, double repay, double received,
                                               FlashLoanTerms flash, long gasUnits, long detectedBlock) {
        return new LiquidationOpportunity(protocol, account, chain, debt, collateral, repay, received / repay,
                received, flash, gasUnits, detectedBlock);
    }

    /**
     * An unhealthy Morpho Blue position: no close factor, the whole collateral may be seized at the liquidation
     * incentive factor (Morpho.liquidate); {@code collateralPrice} is the market oracle's price scaled by 1e36.
     */
    public static Optional<LiquidationOpportunity> morpho(ProtocolId protocol, ChainId chain,
                                                          MorphoMarketParams params, MorphoMarketState state,
                                                          MorphoPosition position, BigInteger collateralPrice,
                                                          int loanDecimals, int collateralDecimals,
                                                          FlashLoanTerms flash, long gasUnits, long detectedBlock) {
        return morpho(protocol, chain, params, state, position, collateralPrice,
                MorphoBlue.liquidationIncentiveFactor(params.lltv()), loanDecimals, collateralDecimals, flash, gasUnits,
                detectedBlock);
    }

    /**
     * {@link #morpho(ProtocolId, ChainId, MorphoMarketParams, MorphoMarketState, MorphoPosition, BigInteger, int, int,
     * FlashLoanTerms, long, long)} at the market's liquidation incentive factor {@code lif}
     * ({@link MorphoBlue#liquidationIncentiveFactor} of its LLTV), which a book checking many positions of one market
     * makes once.
     */
    public static Optional<LiquidationOpportunity> morpho(ProtocolId protocol, ChainId chain,
                                                          MorphoMarketParams params, MorphoMarketState state,
                                                          MorphoPosition position, BigInteger collateralPrice,
                                                          BigInteger lif, int loanDecimals, int collateralDecimals,
                                                          FlashLoanTerms flash, long gasUnits, long detectedBlock) {
        return Optional.ofNullable(morphoOrNull(protocol, chain, params, state, position, collateralPrice, lif,
                loanDecimals, collateralDecimals, flash, gasUnits, detectedBlock));
    }

    /**
     * {@link #morpho(ProtocolId, ChainId, MorphoMarketParams, MorphoMarketState, MorphoPosition, BigInteger,
     * BigInteger, int, int, FlashLoanTerms, long, long)}, null where that is empty: for a book checking every
     * unhealthy position of its markets at every oracle move, without an {@code Optional} per check.
     */
    public static LiquidationOpportunity morphoOrNull(ProtocolId protocol, ChainId chain, MorphoMarketParams params,
                                                      MorphoMarketState state, MorphoPosition position,
                                                      BigInteger collateralPrice, BigInteger lif, int loanDecimals,
                                                      int collateralDecimals, FlashLoanTerms flash, long gasUnits,
                                                      long detectedBlock) {
        MorphoBlue.WholeLiquidation all = MorphoBlue.DEFAULT.wholeLiquidation(params, state, position,
                collateralPrice, lif);
        if (all == null || position.collateral().signum() == 0 || all.repaidAssets().signum() == 0) {
            return null;
        }
        double repay = tokens(all.repaidAssets(), loanDecimals);
        double seized = tokens(all.seizedAssets(), collateralDecimals);
        return new LiquidationOpportunity(protocol, position.id(), chain, params.loanToken(),
                params.collateralToken(), repay, seized / repay, seized, flash, gasUnits, detectedBlock);
    }

    /**
     * A running Liquidations 2.0 auction at its current price (Clipper.take): the keeper pays DAI for collateral at
     * {@code price} (RAY, DAI per collateral unit), up to the tab, out of the lot. None while the auction needs a
     * reset. Maker's flash mint (DssFlash) lends DAI for free.
     */
    public static Optional<LiquidationOpportunity> clipper(ProtocolId protocol, ChainId chain, Clipper clipper,
                                                           Auction auction, AssetId dai, AssetId collateral,
                                                           long now, FlashLoanTerms flash, long gasUnits,
                                                           long detectedBlock) {
        AuctionStatus status = clipper.status(auction, now);
        if (status.needsRedo() || status.price().signum() == 0 || auction.lot().signum() == 0) {
            return Optional.empty();
        }
        double price = new BigDecimal(status.price(), 27).doubleValue();
        double tab = new BigDecimal(auction.tab(), 45).doubleValue();
        double lot = new BigDecimal(auction.lot(), 18).doubleValue();
        return Optional.of(new LiquidationOpportunity(protocol, AccountId.of("auction-" + auction.id()), chain, dai,
                collateral, Math.min(tab, lot * price), 1 / price, lot, flash, gasUnits, detectedBlock));
    }

    private static double tokens(BigInteger units, int decimals) {
        return TokenAmounts.decimal64(units, decimals);
    }
}
