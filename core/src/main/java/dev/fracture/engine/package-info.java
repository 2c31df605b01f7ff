/** The cascade engine: the block scheduler, price formation, protocol checks, agents and the trace they leave. */
package dev.fracture.engine;
