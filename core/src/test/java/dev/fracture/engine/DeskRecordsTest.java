package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationRound;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The desk's records of liquidatable positions ({@code LiquidationDesk.Seen}, {@code LiquidationDesk.Records}): the
 * position hash a record keeps for its bids, and the records forgotten when a listing leaves their slots out.
 */
class DeskRecordsTest {

    private static final int SLOTS = 400;

    /**
     * The hash a record keeps is {@code Bids.positionHash} of its opportunity, 31 × the protocol id's hash plus the
     * account id's (both {@link String#hashCode}, worked here from the id texts), taken anew for another id object.
     */
    @Test
    void aRecordKeepsThePositionHashOfItsAccount() {
        LiquidationDesk.Seen seen = new LiquidationDesk.Seen(3);
        LiquidationOpportunity first = opportunity("acct-7", 3);
        seen.datedAs(first);
        assertThat(seen.positionHash).isEqualTo(31 * "aave-eth".hashCode() + "acct-7".hashCode())
                .isEqualTo(LiquidationRound.Bids.positionHash(first));
        // Listed again with the same id object but dated later: the same hash.
        seen.datedAs(opportunity(first.account(), 4));
        assertThat(seen.positionHash).isEqualTo(LiquidationRound.Bids.positionHash(first));
        // Another id object (another account in the slot): its own hash.
        LiquidationOpportunity other = opportunity("acct-8", 5);
        seen.datedAs(other);
        assertThat(seen.positionHash).isEqualTo(31 * "aave-eth".hashCode() + "acct-8".hashCode());
    }

    private static LiquidationOpportunity opportunity(String account, long detected) {
        return opportunity(AccountId.of(account), detected);
    }

    private static LiquidationOpportunity opportunity(AccountId account, long detected) {
        return new LiquidationOpportunity(ProtocolId.of("aave-eth"), account, ChainId.of("ethereum"),
                AssetId.of("USDC"), AssetId.of("WETH"), 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, detected);
    }

    /**
     * The desk forgets a position's record when its slot was listed last round and is not listed now, and keeps every
     * other: found by merging the two slot lists when both are ascending (as the books list them), and by each record's
     * round otherwise. Both ways are held here to the rule itself, worked out from the two sets.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aRecordIsForgottenExactlyWhenItsSlotWasLiveAndIsNotListedNow(long seed) {
        Random random = new Random(seed);
        for (boolean ordered : new boolean[] {true, false}) {
            int[] last = draw(random, ordered);
            int[] now = draw(random, ordered);
            long thisRound = 7;
            LiquidationDesk.Records records = new LiquidationDesk.Records();
            records.bySlot = new LiquidationDesk.Seen[SLOTS];
            LiquidationDesk.Seen[] before = new LiquidationDesk.Seen[SLOTS];
            for (int slot : last) {
                before[slot] = new LiquidationDesk.Seen(1);
                before[slot].round = thisRound - 1;
            }
            // As the desk's dating leaves them: every slot listed now has a record marked with this round.
            for (int slot : now) {
                if (before[slot] == null) {
                    before[slot] = new LiquidationDesk.Seen(2);
                }
                before[slot].round = thisRound;
            }
            records.bySlot = before.clone();
            records.live = Arrays.copyOf(last, last.length + 3);
            records.liveCount = last.length;
            int[] listed = Arrays.copyOf(now, now.length + 5);

            LiquidationDesk.forgetUnlisted(records, listed, now.length, thisRound);

            for (int slot = 0; slot < SLOTS; slot++) {
                boolean wasLive = contains(last, slot);
                boolean listedNow = contains(now, slot);
                LiquidationDesk.Seen expected = wasLive && !listedNow ? null : before[slot];
                assertThat(records.bySlot[slot]).as("seed %d, %s, slot %d (live %s, listed %s)", seed,
                        ordered ? "ascending" : "unordered", slot, wasLive, listedNow).isSameAs(expected);
            }
            assertThat(Arrays.copyOf(records.live, records.liveCount)).isEqualTo(now);
        }
    }

    /** Distinct slots, about a third of them: ascending, or shuffled. */
    private static int[] draw(Random random, boolean ordered) {
        int[] slots = IntStream.range(0, SLOTS).filter(s -> random.nextInt(3) == 0).toArray();
        if (!ordered) {
            for (int j = slots.length - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                int t = slots[j];
                slots[j] = slots[k];
                slots[k] = t;
            }
        }
        return slots;
    }

    private static boolean contains(int[] values, int value) {
        return IntStream.of(values).anyMatch(v -> v == value);
    }
}
