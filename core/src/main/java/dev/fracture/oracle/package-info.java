/** Price feeds: push feeds with heartbeat and deviation threshold, medianizers, TWAPs over a venue, delayed feeds
 * (Maker OSM), fallback rules and the cost of manipulating a feed through a thin venue. */
package dev.fracture.oracle;
