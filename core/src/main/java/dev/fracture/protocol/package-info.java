/** Protocol mechanics, one sub-package per protocol family (lending, cdp, perp, options); stateless rules over immutable records. */
package dev.fracture.protocol;
