/** Snapshot file formats (YAML and JSON, one schema), with errors that name file, line and column; bundled ecosystems. */
package dev.fracture.io;
