package dev.fracture.engine;

/**
 * The records of a run's outcome as its state hash reads them ({@link StateHash}): every landed liquidation,
 * every entry of the event log and each liquidator's books, field by field in {@link DigestBytes}' form, in the
 * records' component order. Doubles go in by their bits, so two runs hash alike exactly when every amount is the same
 * number, whatever text a JDK writes for it; ids as their texts.
 */
final class RecordDigest {
    private RecordDigest() {
    }

    /** Every component of a landed liquidation, in order. */
    static void write(DigestBytes out, LiquidationEvent e) {
        out.putLong(e.time()).putText(text(e.chain())).putLong(e.block()).putText(text(e.protocol()))
                .putText(text(e.account())).putText(e.liquidator()).putText(text(e.debtAsset()))
                .putDouble(e.repaid()).putText(text(e.collateralAsset())).putDouble(e.seized())
                .putDouble(e.proceeds()).putDouble(e.repaidUsd()).putDouble(e.soldUsd()).putDouble(e.profitUsd())
                .putDouble(e.badDebtUsd());
    }

    /** Every component of an event-log entry, in order. */
    static void write(DigestBytes out, RunEvent e) {
        out.putLong(e.time()).putText(text(e.chain())).putLong(e.block()).putText(e.kind()).putText(e.subject())
                .putText(e.detail()).putDouble(e.usd());
    }

    /** A liquidator's id, then every component of its books, in order. */
    static void write(DigestBytes out, String liquidator, SimulationResult.LiquidatorOutcome o) {
        out.putText(liquidator).putInt(o.liquidations()).putInt(o.reverted()).putDouble(o.bonusUsd())
                .putDouble(o.slippageUsd()).putDouble(o.flashFeeUsd()).putDouble(o.gasUsd())
                .putDouble(o.profitUsd());
    }

    /** An id's value, which {@code ChainId}, {@code ProtocolId}, {@code AccountId} and {@code AssetId} give as text. */
    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
