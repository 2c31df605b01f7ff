/** Reports of a run: chart data taken from the trace, the self-contained HTML page, PNG charts. */
package dev.fracture.cli.report;
