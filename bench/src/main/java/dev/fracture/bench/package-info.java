/** JMH benchmarks and the generator of benchmark ecosystems. */
package dev.fracture.bench;
