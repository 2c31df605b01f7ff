/** The Spark executor: the same path jobs as the local executor, run on a Spark cluster (or in local mode). */
package dev.fracture.spark;
