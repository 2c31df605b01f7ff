/** The JDBC store of the risk-oracle service: measure history, scenario runs and parameter publications. */
package dev.fracture.io.store;
