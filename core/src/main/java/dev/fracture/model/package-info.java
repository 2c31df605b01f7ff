/** The ecosystem model: typed ids, chains, assets, bridges, venue, oracle and protocol specs, and the snapshot. */
package dev.fracture.model;
