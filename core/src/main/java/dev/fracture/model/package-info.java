/** The ecosystem model: typed ids, chains, assets, bridges, venue, oracle and protocol specifications and the immutable snapshot holding them. */
package dev.fracture.model;
