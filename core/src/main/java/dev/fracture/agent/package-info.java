/** Agents that read market and protocol state and emit actions: liquidators first. */
package dev.fracture.agent;
