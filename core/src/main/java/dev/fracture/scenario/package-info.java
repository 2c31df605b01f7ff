/** Scenarios: shocks, price and gas paths, event schedules. */
package dev.fracture.scenario;
