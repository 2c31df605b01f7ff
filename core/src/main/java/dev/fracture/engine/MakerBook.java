package dev.fracture.engine;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.Opportunities;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.cdp.Auction;
import dev.fracture.protocol.cdp.AuctionStatus;
import dev.fracture.protocol.cdp.Bark;
import dev.fracture.protocol.cdp.Bite;
import dev.fracture.protocol.cdp.Cat;
import dev.fracture.protocol.cdp.CdpRevertException;
import dev.fracture.protocol.cdp.Clipper;
import dev.fracture.protocol.cdp.ClipperState;
import dev.fracture.protocol.cdp.Dog;
import dev.fracture.protocol.cdp.DogIlk;
import dev.fracture.protocol.cdp.DogTotals;
import dev.fracture.protocol.cdp.DssMath;
import dev.fracture.protocol.cdp.FlipBid;
import dev.fracture.protocol.cdp.FlipDeal;
import dev.fracture.protocol.cdp.FlipKick;
import dev.fracture.protocol.cdp.Flipper;
import dev.fracture.protocol.cdp.FlipperState;
import dev.fracture.protocol.cdp.Ilk;
import dev.fracture.protocol.cdp.Kick;
import dev.fracture.protocol.cdp.MakerSetup;
import dev.fracture.protocol.cdp.Redo;
import dev.fracture.protocol.cdp.Spotter;
import dev.fracture.protocol.cdp.Take;
import dev.fracture.protocol.cdp.Vat;
import dev.fracture.protocol.cdp.Vault;
import dev.fracture.protocol.cdp.VowLedger;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Maker (dss) system in a run, with Liquidations 2.0 (makerdao/dss {@code src/dog.sol}, {@code src/clip.sol},
 * {@code src/abaci.sol}, {@code src/spot.sol}, {@code src/vow.sol}).
 *
 * <p>Each block, per ilk, when the book observes the block's prices: the Spotter is poked with the ilk's feed (the OSM
 * in a Maker snapshot), so {@code spot} and the Clipper's feed price are those of the delayed price, as on chain.
 * Then the protocol's keeper acts, whether or not the run has liquidators:
 * {@code Dog.bark} on every unsafe vault while {@code Hole}/{@code hole} leave room (a vault the limits refuse, or a
 * partial auction below {@code dust}, waits for room), each bark kicking a Clipper auction whose {@code tip + chip}
 * the vow pays; every auction past {@code tail} or below {@code cusp·top} is {@code redo}ne at the current feed price
 * (incentive paid again when tab and lot reach {@code chost}). Anyone may bark and redo for the incentive, so they are
 * modelled as done the first block they are possible. Every running auction is then an opportunity at its current
 * abacus price ({@link Opportunities#clipper}); liquidators take when the price is below what the collateral sells
 * for on the chain's venues, which is the forced selling. A take releases {@code digs} from {@code Dirt}/{@code dirt};
 * a lot sold out leaves its remaining tab unraised; a tab covered sends the rest of the lot back to the vault owner.
 *
 * <p>Bad debt is the vow's deficit from liquidations: over finished auctions, the debt moved to the vow by bark
 * ({@code due}) not raised back by takes, plus every keeper incentive paid, when positive (penalties raised above
 * {@code due} offset it, as the vow nets them). Stability fees are not accrued during a run ({@code rate} is fixed:
 * a day of a 6% fee moves debt by 0.016%).
 *
 * <p>An ilk that names a {@code flipper} runs the liquidations of 2020 instead (makerdao/dss {@code src/cat.sol} and
 * {@code src/flip.sol}, tag 1.0.4): each block every unsafe vault is bitten in lots of at most {@code lump}
 * ({@link Cat#bite}, no limit, as the Cat had none) and each lot kicked into an English auction with no keeper
 * incentive; auctions that ended without a bid are ticked. The run's liquidators bid in them as {@link FlipKeepers}
 * says; an auction whose standing bid outlived {@code ttl} (or whose {@code end} passed) is dealt the first block it
 * can be, and its winner receives the lot and sells it like any liquidator ({@link KeeperAuctions}). A deal below the
 * tab leaves {@code due − bid} unraised: the loss of 12 March 2020 (docs/black-thursday.md).
 */
final class MakerBook implements ProtocolBook, KeeperAuctions {
    /** Gas of clip.take with a swap of the slice: typical receipts, order of magnitude. */
    static final long TAKE_GAS = 300_000;
    /** Who barks and redoes: the incentive goes to the protocol's keeper (anyone may call; see the class comment). */
    static final AccountId KEEPER = AccountId.of("maker-keeper");

    private final ProtocolId id;
    private final ChainId chain;
    private final AssetId dai;
    private final IlkRun[] ilks;
    private final FlashLoanTerms flash;
    private DogTotals totals;
    private VowLedger vow = VowLedger.EMPTY;
    private long now;
    private double daiUsd = 1;
    /** The run's reference (market) prices, for the debt still waiting to go bad ({@link #underwaterUsd}). */
    private OracleBank.ReferenceView reference = asset -> 0;
    private double badDebtUsd;
    /** RAD: due of finished auctions minus what they raised; negative while penalties more than cover. */
    private BigInteger settledShortfall = BigInteger.ZERO;
    private final Ledger ledger = new Ledger();

    /** One collateral type live in the run. */
    private static final class IlkRun {
        final String name;
        final AssetId collateral;
        final OracleId oracle;
        /** Null for a flipper ilk. */
        final Clipper clipper;
        /** Null for a clipper ilk. */
        final Flipper flipper;
        final BigInteger lump;
        final FlipKeepers keepers;
        FlipperState flips;
        final Vault[] vaults;
        Ilk ilk;
        DogIlk dogIlk;
        ClipperState auctions;
        BigInteger feedPrice = BigInteger.ZERO;
        double collateralUsd;
        final Map<Long, BigInteger> due = new HashMap<>();
        final Map<Long, BigInteger> raised = new HashMap<>();

        IlkRun(MakerSetup.IlkSetup s, AssetId collateral, ChainId chain, AssetId dai) {
            this.name = s.ilk().name();
            this.collateral = collateral;
            this.oracle = s.oracle();
            this.clipper = s.clipper() == null ? null : Clipper.of(s.clipper());
            this.flipper = s.flipper() == null ? null : Flipper.of(s.flipper().params());
            this.lump = s.flipper() == null ? null : s.flipper().lump();
            this.keepers = flipper == null ? null : new FlipKeepers(flipper, chain, collateral, dai);
            this.flips = FlipperState.empty(name);
            this.vaults = s.vaults().toArray(new Vault[0]);
            this.ilk = s.ilk();
            this.dogIlk = s.dogIlk();
            this.auctions = ClipperState.empty(name);
        }
    }

    /**
     * What moved since the start, exact, for the conservation checks: DAI in RAD, collateral in WAD.
     *
     * @param initialDebt  vault debt at the start, {@code Σ art·rate}
     * @param initialInk   collateral locked at the start
     * @param sin          debt moved to the vow by bark, {@code Σ due}
     * @param tabKicked    tab of every auction kicked
     * @param raised       DAI paid by takers
     * @param unraised     tab left when a lot sold out
     * @param sold         collateral sent to takers
     * @param returned     collateral sent back to vault owners when a tab was covered
     */
    record Totals(BigInteger initialDebt, BigInteger initialInk, BigInteger sin, BigInteger tabKicked,
                  BigInteger raised, BigInteger unraised, BigInteger sold, BigInteger returned) {
    }

    private static final class Ledger {
        BigInteger initialDebt = BigInteger.ZERO;
        BigInteger initialInk = BigInteger.ZERO;
        BigInteger sin = BigInteger.ZERO;
        BigInteger tabKicked = BigInteger.ZERO;
        BigInteger raised = BigInteger.ZERO;
        BigInteger unraised = BigInteger.ZERO;
        BigInteger sold = BigInteger.ZERO;
        BigInteger returned = BigInteger.ZERO;
    }

    MakerBook(ProtocolSpec.CdpSystem spec, MakerSetup setup, EcosystemSnapshot snapshot) {
        this.id = spec.id();
        this.chain = spec.chain();
        this.dai = spec.stablecoin();
        this.totals = setup.dog();
        this.flash = FlashLoanTerms.FREE;
        this.ilks = new IlkRun[setup.ilks().size()];
        for (int i = 0; i < ilks.length; i++) {
            MakerSetup.IlkSetup s = setup.ilks().get(i);
            AssetId collateral = spec.ilks().get(i).collateral();
            ilks[i] = new IlkRun(s, collateral, chain, dai);
            for (Vault v : ilks[i].vaults) {
                ledger.initialDebt = ledger.initialDebt.add(Vat.debt(s.ilk(), v));
                ledger.initialInk = ledger.initialInk.add(v.ink());
            }
        }
        if (snapshot.asset(dai).isEmpty()) {
            throw new IllegalArgumentException("maker " + id + ": unknown stablecoin " + dai);
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

    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        this.now = now;
        this.daiUsd = reference.usd(dai);
        this.reference = reference;
        for (IlkRun r : ilks) {
            r.collateralUsd = bank.usd(r.oracle, now);
            BigInteger val = DssMath.fromDouble(r.collateralUsd, DssMath.WAD);
            r.ilk = Spotter.poke(r.ilk, val);
            r.feedPrice = Spotter.feedPrice(val, Spotter.PAR);
            if (r.flipper != null) {
                biteUnsafe(r);
                tickUnbid(r);
            } else {
                barkUnsafe(r);
                redoStale(r);
            }
        }
    }

    /** Every running auction that can be taken now, at its current price. */
    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        List<LiquidationOpportunity> out = new ArrayList<>();
        for (IlkRun r : ilks) {
            if (r.clipper == null) {
                continue;
            }
            for (Auction a : r.auctions.active().values()) {
                Opportunities.clipper(id, chain, r.clipper, a, dai, r.collateral, now, flash, TAKE_GAS, block)
                        .map(o -> new LiquidationOpportunity(o.protocol(), auctionAccount(r, a.id()), o.chain(),
                                o.debtAsset(), o.collateralAsset(), o.maxRepay(), o.collateralPerDebt(),
                                o.collateralAvailable(), o.flashLoan(), o.gasUnits(), o.detectedBlock()))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private static AccountId auctionAccount(IlkRun r, long auction) {
        return AccountId.of(r.name + "/auction-" + auction);
    }

    /** cat.sol's bite, lot by lot, on every unsafe vault, each lot kicked into the Flipper with an opening bid of 0. */
    private void biteUnsafe(IlkRun r) {
        for (int i = 0; i < r.vaults.length; i++) {
            while (r.vaults[i].art().signum() != 0 && r.vaults[i].ink().signum() != 0
                    && !Vat.isSafe(r.ilk, r.vaults[i])) {
                Bite b = Cat.bite(r.ilk, r.vaults[i], r.lump, r.dogIlk.chop());
                r.vaults[i] = b.vault();
                r.ilk = b.ilk();
                vow = vow.bite(b);
                FlipKick k = r.flipper.kick(r.flips, b.vault().owner(), KEEPER, b.tab(), b.dink(), BigInteger.ZERO,
                        now);
                r.flips = k.state();
                r.due.put(k.auction().id(), b.due());
                ledger.sin = ledger.sin.add(b.due());
                ledger.tabKicked = ledger.tabKicked.add(b.tab());
            }
        }
    }

    /** flip.sol's tick on every auction that reached its end without a bid: anyone may call it. */
    private void tickUnbid(IlkRun r) {
        for (FlipBid b : List.copyOf(r.flips.bids().values())) {
            if (b.tickable(now)) {
                r.flips = r.flipper.tick(r.flips, b.id(), now);
            }
        }
    }

    @Override
    public List<LiquidationPlan> settlements(BlockContext block) {
        List<LiquidationPlan> out = new ArrayList<>();
        for (IlkRun r : ilks) {
            if (r.flipper == null) {
                continue;
            }
            for (FlipBid b : r.flips.bids().values()) {
                if (b.dealable(block.now())) {
                    out.add(dealPlan(r, b, block));
                }
            }
        }
        return out;
    }

    /**
     * The deal of auction {@code b} as its winner's plan: it repays its standing bid (paid already, booked now) and
     * receives the lot, which it sells; the gas of its winning bid is booked with it, the gas of bids that were outbid
     * is not (a ledger books landed liquidations only). The gas was spent in the block of the bid, so the plan uses no
     * gas budget of this block.
     */
    private LiquidationPlan dealPlan(IlkRun r, FlipBid b, BlockContext block) {
        double bid = DssMath.toDouble(b.bid(), DssMath.RAD);
        double lot = DssMath.toDouble(b.lot(), DssMath.WAD);
        LiquidationOpportunity o = new LiquidationOpportunity(id, flipAccount(r, b.id()), chain, dai, r.collateral,
                bid, lot / bid, lot, FlashLoanTerms.NONE, 0, block.number());
        double bonusUsd = lot * block.prices().usd(r.collateral) - bid * block.prices().usd(dai);
        return new LiquidationPlan(b.guy().value(), o, bid, lot, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.SELL, 0, bonusUsd, 0, 0, r.keepers.standingGasUsd(b.id()), 0,
                r.keepers.standingTip(b.id()));
    }

    @Override
    public void bid(Collection<LiquidatorLedger> keepers, BlockContext block) {
        for (IlkRun r : ilks) {
            if (r.flipper != null) {
                r.flips = r.keepers.bid(r.flips, keepers, block);
                ledger.returned = ledger.returned.add(r.keepers.drainReturned());
            }
        }
    }

    private static AccountId flipAccount(IlkRun r, long auction) {
        return AccountId.of(r.name + "/flip-" + auction);
    }

    /** flip.sol's deal of the auction a settlement plan names; nothing when it was dealt already or is not over. */
    private Applied deal(IlkRun r, LiquidationPlan plan, long auction) {
        FlipBid b = r.flips.bids().get(auction);
        if (b == null || !b.dealable(now)
                || plan.repay() < DssMath.toDouble(b.bid(), DssMath.RAD) * (1 - 1e-9)) {
            // Gone, not over, or cut by a rate limit: a deal moves the whole lot for the whole bid or nothing.
            return new Applied(0, 0, 0);
        }
        FlipDeal d = r.flipper.deal(r.flips, auction, now);
        r.flips = d.state();
        r.keepers.dealt(d.won());
        vow = vow.deal(d);
        ledger.raised = ledger.raised.add(d.won().bid());
        ledger.sold = ledger.sold.add(d.won().lot());
        ledger.unraised = ledger.unraised.add(d.unraised());
        double before = badDebtUsd;
        settledShortfall = settledShortfall.add(r.due.remove(auction).subtract(d.won().bid()));
        refreshBadDebt();
        return new Applied(DssMath.toDouble(d.won().bid(), DssMath.RAD), DssMath.toDouble(d.won().lot(), DssMath.WAD),
                Math.max(0, badDebtUsd - before));
    }

    private void barkUnsafe(IlkRun r) {
        for (int i = 0; i < r.vaults.length; i++) {
            Vault v = r.vaults[i];
            if (v.art().signum() == 0 || Vat.isSafe(r.ilk, v)) {
                continue;
            }
            Bark b;
            try {
                b = Dog.bark(r.ilk, v, r.dogIlk, totals);
            } catch (CdpRevertException limitOrDust) {
                continue;
            }
            r.vaults[i] = b.vault();
            r.ilk = b.ilk();
            r.dogIlk = b.dogIlk();
            totals = b.totals();
            vow = vow.bark(b);
            Kick k = r.clipper.kick(r.auctions, b, KEEPER, r.feedPrice, now);
            r.auctions = k.state();
            vow = vow.kick(k);
            r.due.put(k.auction().id(), b.due());
            r.raised.put(k.auction().id(), BigInteger.ZERO);
            ledger.sin = ledger.sin.add(b.due());
            ledger.tabKicked = ledger.tabKicked.add(b.tab());
        }
        refreshBadDebt();
    }

    private void redoStale(IlkRun r) {
        for (Auction a : List.copyOf(r.auctions.active().values())) {
            if (r.clipper.status(a, now).needsRedo()) {
                Redo redo = r.clipper.redo(r.auctions, a.id(), KEEPER, r.feedPrice, now);
                r.auctions = redo.state();
                vow = vow.redo(redo);
            }
        }
        refreshBadDebt();
    }

    @Override
    public Applied apply(LiquidationPlan plan) {
        String account = plan.opportunity().account().value();
        for (IlkRun r : ilks) {
            String flipPrefix = r.name + "/flip-";
            if (r.flipper != null && account.startsWith(flipPrefix)) {
                return deal(r, plan, Long.parseLong(account.substring(flipPrefix.length())));
            }
            String prefix = r.name + "/auction-";
            if (!account.startsWith(prefix)) {
                continue;
            }
            long auction = Long.parseLong(account.substring(prefix.length()));
            Auction a = r.auctions.active().get(auction);
            if (a == null) {
                return new Applied(0, 0, 0);
            }
            AuctionStatus status = r.clipper.status(a, now);
            // The plan's amount came from whole units through a double: the nearest unit is the one meant.
            BigInteger amt = ShortestDecimal.units(plan.collateral(), 18, RoundingMode.HALF_EVEN).min(a.lot());
            if (plan.repay() >= plan.opportunity().maxRepay() * (1 - 1e-9)) {
                // A plan for the whole opportunity means the whole tab (or lot): asking for the lot lets the contract
                // cap owe at tab, where a slice rounded through a double could fall a hair short of it and leave a tab
                // below chost that nobody may then take in part.
                amt = a.lot();
            }
            if (amt.signum() <= 0 || status.needsRedo()) {
                return new Applied(0, 0, 0);
            }
            Take t;
            try {
                t = r.clipper.take(r.auctions, auction, amt, status.price(), now);
            } catch (CdpRevertException reverted) {
                // Clipper/no-partial-purchase: the keeper's transaction reverts; it may take the whole lot later.
                return new Applied(0, 0, 0);
            }
            double before = badDebtUsd;
            settle(r, t);
            return new Applied(DssMath.toDouble(t.owe(), DssMath.RAD), DssMath.toDouble(t.slice(), DssMath.WAD),
                    Math.max(0, badDebtUsd - before));
        }
        throw new IllegalStateException("no Maker auction " + account + " in " + id);
    }

    private void settle(IlkRun r, Take t) {
        r.auctions = t.state();
        r.dogIlk = Dog.digs(r.dogIlk, t.digs());
        totals = Dog.digs(totals, t.digs());
        vow = vow.take(t);
        r.raised.merge(t.id(), t.owe(), BigInteger::add);
        ledger.raised = ledger.raised.add(t.owe());
        ledger.sold = ledger.sold.add(t.slice());
        ledger.unraised = ledger.unraised.add(t.badDebt());
        if (t.finished()) {
            ledger.returned = ledger.returned.add(t.returned());
            settledShortfall = settledShortfall.add(r.due.remove(t.id()).subtract(r.raised.remove(t.id())));
        }
        refreshBadDebt();
    }

    /** The vow's deficit: shortfall of finished auctions plus incentives paid, when positive, in USD. */
    private void refreshBadDebt() {
        BigInteger deficit = settledShortfall.add(vow.incentives());
        badDebtUsd = deficit.signum() > 0 ? DssMath.toDouble(deficit, DssMath.RAD) * daiUsd : 0;
    }

    /** The vow's books as the dss contracts would show them. */
    VowLedger vow() {
        return vow;
    }

    /** Protocol loss in DAI: shortfall of finished auctions plus incentives, negative when penalties cover both. */
    double lossDai() {
        return DssMath.toDouble(settledShortfall.add(vow.incentives()), DssMath.RAD);
    }

    Totals totals() {
        return new Totals(ledger.initialDebt, ledger.initialInk, ledger.sin, ledger.tabKicked, ledger.raised,
                ledger.unraised, ledger.sold, ledger.returned);
    }

    /**
     * Checks the protocol's conservation laws, exact, and fails loudly when one breaks (a bug, never a market
     * condition): vault debt + sin = debt at the start (rate is fixed in a run); locked collateral + lots in auction
     * + collateral sold + collateral returned = collateral at the start; tab kicked = DAI raised + tab still in
     * auction + tab left unraised (debt repaid + bad debt = debt removed, penalty included); {@code Dirt} and each
     * {@code dirt} = tab in Clipper auctions (the Cat of a flipper ilk keeps no such count). A Flipper auction's tab
     * and lot count as in auction until deal; its DAI is booked as raised at deal.
     */
    void checkConservation() {
        BigInteger debt = BigInteger.ZERO;
        BigInteger ink = BigInteger.ZERO;
        BigInteger lots = BigInteger.ZERO;
        BigInteger tabs = BigInteger.ZERO;
        BigInteger clipTabs = BigInteger.ZERO;
        for (IlkRun r : ilks) {
            BigInteger ilkTabs = BigInteger.ZERO;
            for (Vault v : r.vaults) {
                debt = debt.add(Vat.debt(r.ilk, v));
                ink = ink.add(v.ink());
            }
            for (Auction a : r.auctions.active().values()) {
                lots = lots.add(a.lot());
                ilkTabs = ilkTabs.add(a.tab());
            }
            require(r.dogIlk.dirt().equals(ilkTabs), r.name + ": dirt " + r.dogIlk.dirt() + " != tab in auction "
                    + ilkTabs);
            tabs = tabs.add(ilkTabs);
            clipTabs = clipTabs.add(ilkTabs);
            for (FlipBid b : r.flips.bids().values()) {
                lots = lots.add(b.lot());
                tabs = tabs.add(b.tab());
            }
        }
        require(debt.add(ledger.sin).equals(ledger.initialDebt), "vault debt " + debt + " + sin " + ledger.sin
                + " != debt at start " + ledger.initialDebt);
        require(ink.add(lots).add(ledger.sold).add(ledger.returned).equals(ledger.initialInk), "ink " + ink
                + " + lots " + lots + " + sold " + ledger.sold + " + returned " + ledger.returned
                + " != ink at start " + ledger.initialInk);
        require(ledger.raised.add(tabs).add(ledger.unraised).equals(ledger.tabKicked), "raised " + ledger.raised
                + " + tab in auction " + tabs + " + unraised " + ledger.unraised + " != tab kicked "
                + ledger.tabKicked);
        require(totals.dirt().equals(clipTabs), "Dirt " + totals.dirt() + " != tab in auction " + clipTabs);
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("maker " + id + " conservation broken: " + what);
        }
    }

    @Override
    public double debtUsd() {
        double usd = 0;
        for (IlkRun r : ilks) {
            for (Vault v : r.vaults) {
                usd += DssMath.toDouble(Vat.debt(r.ilk, v), DssMath.RAD);
            }
            for (Auction a : r.auctions.active().values()) {
                usd += DssMath.toDouble(a.tab(), DssMath.RAD);
            }
            for (FlipBid b : r.flips.bids().values()) {
                usd += DssMath.toDouble(b.tab(), DssMath.RAD);
            }
        }
        return usd * daiUsd;
    }

    @Override
    public double collateralUsd() {
        double usd = 0;
        for (IlkRun r : ilks) {
            double units = 0;
            for (Vault v : r.vaults) {
                units += DssMath.toDouble(v.ink(), DssMath.WAD);
            }
            for (Auction a : r.auctions.active().values()) {
                units += DssMath.toDouble(a.lot(), DssMath.WAD);
            }
            for (FlipBid b : r.flips.bids().values()) {
                units += DssMath.toDouble(b.lot(), DssMath.WAD);
            }
            usd += units * r.collateralUsd;
        }
        return usd;
    }

    @Override
    public double badDebtUsd() {
        return badDebtUsd;
    }

    /** Vaults, and auctions, whose collateral at the feed price is worth less than what they owe. */
    @Override
    public double underwaterUsd() {
        double usd = 0;
        for (IlkRun r : ilks) {
            double collateralUsd = reference.usd(r.collateral);
            for (Vault v : r.vaults) {
                double owed = DssMath.toDouble(Vat.debt(r.ilk, v), DssMath.RAD) * daiUsd;
                if (owed > DssMath.toDouble(v.ink(), DssMath.WAD) * collateralUsd) {
                    usd += owed;
                }
            }
            for (Auction a : r.auctions.active().values()) {
                double owed = DssMath.toDouble(a.tab(), DssMath.RAD) * daiUsd;
                if (owed > DssMath.toDouble(a.lot(), DssMath.WAD) * collateralUsd) {
                    usd += owed;
                }
            }
            for (FlipBid b : r.flips.bids().values()) {
                double owed = DssMath.toDouble(b.tab(), DssMath.RAD) * daiUsd;
                if (owed > DssMath.toDouble(b.lot(), DssMath.WAD) * collateralUsd) {
                    usd += owed;
                }
            }
        }
        return usd;
    }
}
