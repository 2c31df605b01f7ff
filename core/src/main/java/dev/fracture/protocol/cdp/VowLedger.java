package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The vow's side of liquidations (makerdao/dss {@code src/vow.sol}): debt queued as sin by {@code Dog.bark}
 * or {@code Cat.bite} ({@code fess}), keeper incentives it pays ({@code suck} in kick and redo), DAI it receives from
 * takes and from Flipper bids, and the tab never raised when an auction ends with its lot sold out, is yanked, or is
 * dealt below its tab, which stays as unbacked sin. Fold each result
 * in with the matching method; every amount is in RAD.
 *
 * @param sin        debt moved to the vow by bark, {@code dart · rate} [RAD]
 * @param incentives chip and tip paid to keepers [RAD]
 * @param raised     DAI received from keepers' takes and winning Flipper bids [RAD]
 * @param badDebt    tab (penalty included) left unraised when auctions ended [RAD]
 */
public record VowLedger(BigInteger sin, BigInteger incentives, BigInteger raised, BigInteger badDebt) {
    public static final VowLedger EMPTY = new VowLedger(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO);

    public VowLedger {
        Checks.nonNegative(sin, "sin");
        Checks.nonNegative(incentives, "incentives");
        Checks.nonNegative(raised, "raised");
        Checks.nonNegative(badDebt, "badDebt");
    }

    public VowLedger bark(Bark bark) {
        return new VowLedger(sin.add(bark.due()), incentives, raised, badDebt);
    }

    public VowLedger bite(Bite bite) {
        return new VowLedger(sin.add(bite.due()), incentives, raised, badDebt);
    }

    /**
     * A Flipper auction settled: the vow received the winning bid (paid in tend, raise by raise) and the rest of the
     * tab stays unraised.
     */
    public VowLedger deal(FlipDeal deal) {
        return new VowLedger(sin, incentives, raised.add(deal.won().bid()), badDebt.add(deal.unraised()));
    }

    public VowLedger kick(Kick kick) {
        return new VowLedger(sin, incentives.add(kick.coin()), raised, badDebt);
    }

    public VowLedger redo(Redo redo) {
        return new VowLedger(sin, incentives.add(redo.coin()), raised, badDebt);
    }

    public VowLedger take(Take take) {
        return new VowLedger(sin, incentives, raised.add(take.owe()), badDebt.add(take.badDebt()));
    }

    public VowLedger yank(Yank yank) {
        return new VowLedger(sin, incentives, raised, badDebt.add(yank.badDebt()));
    }

    /**
     * DAI raised minus sin and incentives: positive when penalties more than paid for the liquidations, negative when
     * the protocol lost (the deficit a debt auction would have to cover).
     */
    public BigInteger net() {
        return raised.subtract(sin).subtract(incentives);
    }
}
