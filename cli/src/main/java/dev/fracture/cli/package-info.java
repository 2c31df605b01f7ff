/** The {@code fracture} command line. */
package dev.fracture.cli;
