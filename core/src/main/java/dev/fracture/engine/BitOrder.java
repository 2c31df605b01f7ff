package dev.fracture.engine;

/**
 * Indices put in ascending order through a bit set: each index sets its bit in an array of words (one bit per index,
 * all clear between uses), and the set bits are read out in order and cleared — a pass over a word per 64 indices
 * instead of a sort, for the thousands of accounts or positions a move of prices names out of a book's million.
 */
final class BitOrder {
    private BitOrder() {
    }

    /** Sets the bit of index {@code i} in {@code words}. */
    static void mark(long[] words, int i) {
        words[i >>> 6] |= 1L << i;
    }

    /**
     * Writes the indices whose bits are set in {@code words} to {@code out}, ascending, clearing every word; returns
     * how many.
     */
    static int drain(long[] words, int[] out) {
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            if (word == 0) {
                continue;
            }
            words[w] = 0;
            while (word != 0) {
                out[n++] = w << 6 | Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return n;
    }
}
