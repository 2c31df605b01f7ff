package dev.fracture.engine;

import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-chain market small enough to work by hand: ETH and USDC on Ethereum, WETH.arb (bridged from ETH by the bridge
 * "canonical") and USDC.arb (issued on Arbitrum) on Arbitrum, one fee-free constant-product pool per chain holding
 * 1,000 ETH and 2,000,000 USDC, both chains at 12 s blocks (Arbitrum's block of a time comes first: chains sort by
 * id). Optionally an Aave-style lender per chain with one account (ETH or WETH.arb against USDC or USDC.arb).
 */
final class TwoChainEcosystem {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final ChainId ARBITRUM = ChainId.of("arbitrum");
    static final AssetId ETH = AssetId.of("ETH");
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId WETH_ARB = AssetId.of("WETH.arb");
    static final AssetId USDC_ARB = AssetId.of("USDC.arb");
    static final BridgeId CANONICAL = BridgeId.of("canonical");
    static final VenueId POOL_ETH = VenueId.of("pool-eth");
    static final VenueId POOL_ARB = VenueId.of("pool-arb");

    private TwoChainEcosystem() {
    }

    /**
     * @param ethAccount    collateral and debt of the Ethereum lender's account ("10", "15000"), or null for none
     * @param arbAccount    the same for the Arbitrum lender, or null
     */
    static EcosystemSnapshot of(double latencySeconds, double capacityPerHourUsd, int feeBps, String[] ethAccount,
                                String[] arbAccount) {
        List<Asset> assets = List.of(
                new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
                new Asset(AssetId.of("AETH"), ARBITRUM, "AETH", 18, new AssetKind.Native(), 2000),
                new Asset(WETH_ARB, ARBITRUM, "WETH", 18, new AssetKind.Bridged(ETH, CANONICAL, BigDecimal.ONE), 2000),
                new Asset(USDC_ARB, ARBITRUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
        List<OracleSpec> oracles = List.of(
                new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD", 3600, 50, 8, 0),
                new OracleSpec.Push(OracleId.of("usdc-usd"), USDC, "USD", 86_400, 25, 8, 0),
                new OracleSpec.Push(OracleId.of("weth-arb-usd"), WETH_ARB, "USD", 3600, 50, 8, 0),
                new OracleSpec.Push(OracleId.of("usdc-arb-usd"), USDC_ARB, "USD", 86_400, 25, 8, 0));
        List<ProtocolSpec> protocols = new ArrayList<>();
        if (ethAccount != null) {
            protocols.add(lender("lender-eth", ETHEREUM, ETH, "eth-usd", USDC, "usdc-usd", ethAccount));
        }
        if (arbAccount != null) {
            protocols.add(lender("lender-arb", ARBITRUM, WETH_ARB, "weth-arb-usd", USDC_ARB, "usdc-arb-usd",
                    arbAccount));
        }
        return new EcosystemSnapshot("two-chain", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125)),
                        new Chain(ARBITRUM, "Arbitrum", 12, AssetId.of("AETH"), new GasPriceModel(0.01, 0, 0.125))),
                assets,
                List.of(new Bridge(CANONICAL, ETHEREUM, ARBITRUM, latencySeconds, capacityPerHourUsd, feeBps,
                        BridgeStatus.OPEN)),
                List.of(new VenueSpec.ConstantProduct(POOL_ETH, ETHEREUM, ETH, USDC, new BigDecimal("1000"),
                                new BigDecimal("2000000"), 0),
                        new VenueSpec.ConstantProduct(POOL_ARB, ARBITRUM, WETH_ARB, USDC_ARB, new BigDecimal("1000"),
                                new BigDecimal("2000000"), 0)),
                oracles, protocols);
    }

    private static ProtocolSpec.PooledLending lender(String id, ChainId chain, AssetId coll, String collOracle,
                                                     AssetId debt, String debtOracle, String[] account) {
        return new ProtocolSpec.PooledLending(ProtocolId.of(id), chain,
                List.of(new ProtocolSpec.PooledLending.Reserve(coll, OracleId.of(collOracle), 7500, 8000, 10500, 0, 0,
                                0, 0, false, 0),
                        new ProtocolSpec.PooledLending.Reserve(debt, OracleId.of(debtOracle), 7500, 8000, 10500, 0, 0,
                                0, 0, true, 0)),
                List.of(),
                List.of(new ProtocolSpec.PooledLending.Account(AccountId.of("alice-" + chain), 0,
                        List.of(new ProtocolSpec.PooledLending.Supply(coll, new BigDecimal(account[0]), true)),
                        List.of(new ProtocolSpec.Balance(debt, new BigDecimal(account[1]))))));
    }

    /** ETH steps from $2,000 to {@code to} at {@code at}; every other asset holds or follows what it stands on. */
    static BasePrices ethStep(double to, long at) {
        return new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                if (asset.equals(ETH)) {
                    return t >= at ? to : 2000;
                }
                return asset.value().startsWith("USDC") ? 1 : 2000;
            }

            @Override
            public boolean drives(AssetId asset) {
                return asset.equals(ETH);
            }
        };
    }
}
