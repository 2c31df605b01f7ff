/** Protocol mechanics, one sub-package per protocol family: stateless rules over immutable records. */
package dev.fracture.protocol;
