package dev.fracture.engine;

import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small ecosystems with one perp exchange on a one-second chain, for the engine's perp tests. */
final class PerpFixture {
    static final ChainId CHAIN = ChainId.of("perpchain");
    static final AssetId ETH = AssetId.of("eth");
    static final AssetId BTC = AssetId.of("btc");
    static final AssetId USDC = AssetId.of("usdc");
    static final ProtocolId EXCHANGE = ProtocolId.of("perps");

    private PerpFixture() {
    }

    static List<Asset> assets() {
        return List.of(new Asset(AssetId.of("gas"), CHAIN, "GAS", 18, new AssetKind.Native(), 10),
                new Asset(ETH, CHAIN, "ETH", 18, new AssetKind.Token(), 2000),
                new Asset(BTC, CHAIN, "BTC", 8, new AssetKind.Token(), 60000),
                new Asset(USDC, CHAIN, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
    }

    static EcosystemSnapshot snapshot(List<ProtocolSpec> protocols) {
        return new EcosystemSnapshot("perp-test", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(CHAIN, "Perp chain", 1, AssetId.of("gas"), new GasPriceModel(0, 0, 0))), assets(),
                List.of(), List.of(), List.of(), protocols);
    }

    /** A market without partial liquidation, one tier, Hyperliquid's backstop line, 8-hour funding. */
    static PerpExchange.PerpMarket market(String id, AssetId asset, double maxLeverage, int levels,
                                          double spacingBps, double levelUsd, int feePips, double hedgeFraction) {
        return new PerpExchange.PerpMarket(id, asset, null, null, List.of(new PerpExchange.Tier(0, maxLeverage)),
                1e12, 1, 2.0 / 3, new PerpExchange.Funding(8, 8, 0.0001, 0.0005, 0.04, 20_000),
                new PerpExchange.Book(levels, spacingBps, levelUsd, feePips, hedgeFraction));
    }

    static PerpExchange exchange(String fund, String vaultEquity, List<PerpExchange.PerpMarket> markets,
                                 List<PerpExchange.PerpAccount> accounts) {
        return new PerpExchange(EXCHANGE, CHAIN, USDC, new BigDecimal(fund),
                new PerpExchange.Vault(new BigDecimal(vaultEquity), 1), markets, accounts);
    }

    static PerpExchange.PerpAccount cross(String id, String collateral, String market, double size, double entry) {
        return new PerpExchange.PerpAccount(AccountId.of(id), new BigDecimal(collateral),
                List.of(new PerpExchange.PerpPosition(market, size, entry, PerpExchange.MarginMode.CROSS,
                        BigDecimal.ZERO)));
    }
}
