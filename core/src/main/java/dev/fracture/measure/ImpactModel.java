package dev.fracture.measure;

import java.util.Map;

/**
 * How forced selling moves the shocked asset's price in the cascade fixpoint: the fraction by which selling
 * {@code soldUsd} (tokens valued at the reference price) lowers it. Implementations state their parameters, which
 * every report carries.
 */
public interface ImpactModel {

    /** Fraction in [0, 1) by which cumulative selling of {@code soldUsd} lowers the price. */
    double fall(double soldUsd);

    /** A short name for reports: {@code venue-depth}, {@code square-root}. */
    String name();

    /** The parameters, by name, in the units their names state. */
    Map<String, Double> parameters();
}
