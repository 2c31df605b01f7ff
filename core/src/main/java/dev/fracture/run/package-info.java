/** Monte Carlo paths and parameter sweeps: run plans, executors, per-path rows and their statistics. */
package dev.fracture.run;
