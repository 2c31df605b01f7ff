package dev.fracture.oracle;

/**
 * State of a Maker OSM: the current value protocols read ({@code cur}), the queued next value ({@code nxt}), the
 * hop-aligned time of the last poke ({@code zzz}) and the stop flag.
 *
 * @param cur      the value peek() returns
 * @param curHas   peek()'s validity flag
 * @param nxt      the value peep() returns; becomes cur at the next poke
 * @param nxtHas   peep()'s validity flag
 * @param zzz      prev(time of the last poke) = that time rounded down to a multiple of hop
 * @param stopped  true after stop() or void(); poke reverts while stopped
 */
public record OsmState(double cur, boolean curHas, double nxt, boolean nxtHas, long zzz, boolean stopped) {
}
