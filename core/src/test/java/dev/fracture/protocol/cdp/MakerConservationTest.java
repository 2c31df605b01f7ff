package dev.fracture.protocol.cdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random liquidations run to the end (bark, kick, keeper takes with random budgets, resets, a final yank for
 * what is left): debt repaid plus bad debt equals the tab removed, collateral sold plus returned equals the lot, the
 * DAI keepers paid equals the tab covered, and the Dog's room is fully released.
 */
class MakerConservationTest {

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    static BigInteger between(Random rnd, BigInteger lo, BigInteger hi) {
        BigInteger span = hi.subtract(lo);
        return lo.add(new BigInteger(span.bitLength() + 8, rnd).mod(span.add(BigInteger.ONE)));
    }

    static Abacus calc(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> new LinearDecrease(1800 + rnd.nextInt(20_000));
            case 1 -> new StairstepExponentialDecrease(30 + rnd.nextInt(120), Units.ray("0.95")
                    .add(between(rnd, BigInteger.ZERO, Units.ray("0.049"))));
            default -> ExponentialDecrease.withHalfLife(300 + rnd.nextInt(5000));
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void liquidationsConserveDebtAndCollateral(long seed) {
        Random rnd = new Random(seed);
        BigInteger rate = between(rnd, DssMath.RAY, Units.ray("2"));
        BigInteger dust = between(rnd, BigInteger.ZERO, Units.rad("20000"));
        BigInteger chop = between(rnd, DssMath.WAD, Units.wad("1.2"));
        BigInteger ink = between(rnd, Units.wad("1"), Units.wad("5000"));
        BigInteger price = between(rnd, Units.ray("100"), Units.ray("3000"));
        BigInteger mat = between(rnd, DssMath.RAY, Units.ray("2"));
        // Debt between 0.6 and 1.2 of the collateral's value, always above what spot allows.
        BigInteger value = DssMath.rmul(ink, price).multiply(DssMath.RAY);
        BigInteger debtRad = value.multiply(BigInteger.valueOf(60 + rnd.nextInt(61))).divide(BigInteger.valueOf(100));
        BigInteger art = debtRad.divide(rate).add(BigInteger.ONE);
        BigInteger spot = DssMath.rdiv(price, mat);
        Ilk ilk = new Ilk("ETH-A", art.multiply(BigInteger.TEN), rate, spot, Units.rad("1000000000"), dust, mat);
        Vault vault = Vault.of("owner", ink, art);
        if (Vat.isSafe(ilk, vault)) {
            ilk = ilk.withSpot(debtRad.divide(ink).divide(BigInteger.TWO));
        }
        DogIlk dogIlk = new DogIlk(chop, between(rnd, Units.rad("1000"), Units.rad("10000000")), BigInteger.ZERO);
        DogTotals totals = new DogTotals(between(rnd, Units.rad("1000"), Units.rad("20000000")), BigInteger.ZERO);
        if (!Dog.canBark(ilk, vault, dogIlk, totals)) {
            return;
        }
        Bark bark = Dog.bark(ilk, vault, dogIlk, totals);
        assertThat(bark.vault().ink().add(bark.dink())).isEqualTo(ink);
        assertThat(bark.vault().art().add(bark.dart())).isEqualTo(art);
        assertThat(bark.tab()).isEqualTo(bark.due().multiply(chop).divide(DssMath.WAD));

        Clipper clipper = Clipper.of(ClipperParams.of(between(rnd, DssMath.RAY, Units.ray("1.5")),
                600 + rnd.nextInt(10_000), between(rnd, Units.ray("0.2"), Units.ray("0.8")),
                between(rnd, BigInteger.ZERO, Units.wad("0.01")), between(rnd, BigInteger.ZERO, Units.rad("500")),
                calc(rnd), ilk, bark.dogIlk()));
        long now = 1_000_000;
        Kick kick = clipper.kick(ClipperState.empty("ETH-A"), bark, AccountId.of("kicker"), price, now);
        ClipperState state = kick.state();
        VowLedger vow = VowLedger.EMPTY.bark(bark).kick(kick);
        BigInteger feed = price;
        BigInteger paid = BigInteger.ZERO;
        BigInteger sold = BigInteger.ZERO;
        BigInteger returned = BigInteger.ZERO;
        BigInteger badDebt = BigInteger.ZERO;
        BigInteger digs = BigInteger.ZERO;
        BigInteger yankedLot = BigInteger.ZERO;
        // A quarter of the runs stop early so that the final yank also gets exercised.
        int steps = rnd.nextInt(4) == 0 ? 3 : 400;
        for (int step = 0; step < steps && state.count() > 0; step++) {
            now += 12 + rnd.nextInt(600);
            if (clipper.needsRedo(state, 1, now)) {
                feed = feed.multiply(BigInteger.valueOf(80 + rnd.nextInt(41))).divide(BigInteger.valueOf(100))
                        .max(Units.ray("1"));
                Redo redo = clipper.redo(state, 1, AccountId.of("resetter"), feed, now);
                vow = vow.redo(redo);
                state = redo.state();
                continue;
            }
            BigInteger budget = rnd.nextInt(3) == 0 ? BigInteger.ZERO
                    : between(rnd, BigInteger.ZERO, state.auction(1).tab().multiply(BigInteger.TWO));
            BigInteger max = clipper.status(state.auction(1), now).price();
            Optional<Take> take = clipper.takeWithin(state, 1, budget, max, now);
            if (take.isPresent()) {
                Take t = take.orElseThrow();
                assertThat(t.owe()).isLessThanOrEqualTo(budget);
                paid = paid.add(t.owe());
                sold = sold.add(t.slice());
                returned = returned.add(t.returned());
                badDebt = badDebt.add(t.badDebt());
                digs = digs.add(t.digs());
                vow = vow.take(t);
                state = t.state();
            }
        }
        if (state.count() > 0) {
            Yank y = clipper.yank(state, 1);
            badDebt = badDebt.add(y.badDebt());
            digs = digs.add(y.digs());
            yankedLot = y.lot();
            vow = vow.yank(y);
        }
        assertThat(paid.add(badDebt)).as("debt repaid + bad debt = tab removed").isEqualTo(bark.tab());
        assertThat(sold.add(returned).add(yankedLot)).as("collateral sold + returned = lot").isEqualTo(bark.dink());
        assertThat(vow.raised()).isEqualTo(paid);
        assertThat(vow.raised().add(vow.badDebt())).as("vow: raised + bad debt = tab").isEqualTo(bark.tab());
        assertThat(vow.net()).isEqualTo(paid.subtract(bark.due()).subtract(vow.incentives()));
        assertThat(digs).as("Dog room released").isEqualTo(bark.tab());
        assertThat(Dog.digs(bark.dogIlk(), digs).dirt()).isZero();
        assertThat(Dog.digs(bark.totals(), digs).dirt()).isZero();
    }
}
