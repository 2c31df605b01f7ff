package dev.fracture.model;

/**
 * Gas pricing of a chain at snapshot time, EIP-1559 style: a base fee that every transaction pays and a
 * priority fee (tip) that orders transactions within a block. Both in gwei of the chain's native asset.
 * {@code maxBaseFeeChangePerBlock} is the fraction the base fee may move per block (0.125 on Ethereum,
 * per EIP-1559's BASE_FEE_MAX_CHANGE_DENOMINATOR = 8).
 */
public record GasPriceModel(double baseFeeGwei, double priorityFeeGwei, double maxBaseFeeChangePerBlock) {
    public static GasPriceModel of(double baseFeeGwei, double priorityFeeGwei) {
        return new GasPriceModel(baseFeeGwei, priorityFeeGwei, 0.125);
    }

    /** Cost in native-asset units of a transaction using {@code gasUnits} gas. */
    public double costInNative(double gasUnits) {
        return gasUnits * (baseFeeGwei + priorityFeeGwei) * 1e-9;
    }
}
