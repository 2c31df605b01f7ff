package dev.fracture.mitigation;

/**
 * What a mitigation took of a liquidator's seized collateral before the rest goes to the venues: {@code amount} of
 * the collateral, paid with {@code proceeds} of the debt asset.
 */
public record Disposal(double amount, double proceeds) {
    public static final Disposal NONE = new Disposal(0, 0);

    public Disposal {
        if (!(amount >= 0) || !(proceeds >= 0) || Double.isInfinite(amount) || Double.isInfinite(proceeds)) {
            throw new IllegalArgumentException("disposal: amount and proceeds must be finite numbers >= 0 (were "
                    + amount + ", " + proceeds + ")");
        }
    }
}
