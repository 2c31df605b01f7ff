/** JMH benchmarks; each checks in its setup that what it measures gives a sane answer. */
package dev.fracture.bench;
