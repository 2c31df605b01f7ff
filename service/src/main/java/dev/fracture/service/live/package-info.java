/** The live state of the service: incremental liquidation curves, the replay format and the update loop. */
package dev.fracture.service.live;
