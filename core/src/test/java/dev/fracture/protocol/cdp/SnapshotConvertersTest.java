package dev.fracture.protocol.cdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotParts;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** CDP specs of a snapshot converted to the mechanics' units; the expected values are worked by hand. */
class SnapshotConvertersTest {
    private static final EcosystemSnapshot SNAPSHOT = SnapshotParts.valid();
    private static final BigInteger WAD = DssMath.WAD;
    private static final BigInteger RAD = DssMath.RAD;

    @Test
    void makerIlkVaultAndClipperAreInDssUnits() {
        var spec = (ProtocolSpec.CdpSystem) SNAPSHOT.protocol(ProtocolId.of("maker")).orElseThrow();
        MakerSetup maker = MakerSetup.of(spec, SNAPSHOT);
        MakerSetup.IlkSetup ethA = maker.ilks().get(0);
        // 100 ETH and 150000 normalized DAI as WADs.
        assertThat(ethA.vaults()).containsExactly(new Vault(AccountId.of("dave"), BigInteger.valueOf(100).multiply(WAD),
                BigInteger.valueOf(150_000).multiply(WAD)));
        assertThat(ethA.ilk().totalArt()).isEqualTo(BigInteger.valueOf(150_000).multiply(WAD));
        // spot = 3000 RAY / 1.45 = 2068.965517241379310344827586206... RAY, rounded down.
        assertThat(ethA.ilk().spot()).isEqualTo(new BigInteger("2068965517241379310344827586206"));
        assertThat(ethA.ilk().dust()).isEqualTo(BigInteger.valueOf(7500).multiply(RAD));
        // chost = wmul(dust, chop) = 7500 RAD x 1.13 = 8475 RAD; tip 250 DAI = 250 RAD.
        assertThat(ethA.clipper().chost()).isEqualTo(BigInteger.valueOf(8475).multiply(RAD));
        assertThat(ethA.clipper().tip()).isEqualTo(BigInteger.valueOf(250).multiply(RAD));
        assertThat(ethA.clipper().calc()).isEqualTo(new StairstepExponentialDecrease(90,
                new BigInteger("990000000000000000000000000")));
        assertThat(ethA.dogIlk().hole()).isEqualTo(BigInteger.valueOf(40_000_000).multiply(RAD));
        assertThat(ethA.jug().rho()).isEqualTo(SNAPSHOT.asOf().getEpochSecond());
        assertThat(maker.dog().hole()).isEqualTo(BigInteger.valueOf(100_000_000).multiply(RAD));
    }

    @Test
    void liquityTrovesAndThePoolTotal() {
        var spec = (ProtocolSpec.StabilityPoolSystem) SNAPSHOT.protocol(ProtocolId.of("liquity")).orElseThrow();
        LiquitySetup liquity = LiquitySetup.of(spec, SNAPSHOT);
        assertThat(liquity.params()).isEqualTo(LiquityParams.V1);
        Trove erin = liquity.system().troves().get(AccountId.of("erin"));
        assertThat(erin).isEqualTo(Trove.of("erin", 10, 20_000));
        // ICR at 3000 USD: 10 x 3000 / 20000 = 1.5.
        assertThat(erin.icr(3000)).isEqualTo(1.5);
        assertThat(liquity.system().deposits()).containsOnlyKeys(LiquitySetup.POOL_DEPOSITOR);
        assertThat(liquity.system().deposits().get(LiquitySetup.POOL_DEPOSITOR).lusd()).isEqualTo(1_000_000);
    }
}
