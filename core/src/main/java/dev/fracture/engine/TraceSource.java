package dev.fracture.engine;

import java.util.List;

/** Something that adds columns to every row of the trace (a perp exchange, an options dealer, a mitigation). */
interface TraceSource {

    /** The column names, fixed for the run. */
    List<String> columns();

    /** Writes this source's values for the block into {@code row} from {@code offset}, one per column. */
    void fill(double[] row, int offset);
}
