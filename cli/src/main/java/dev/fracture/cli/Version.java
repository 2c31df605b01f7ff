package dev.fracture.cli;

import picocli.CommandLine;

/** Version from the jar manifest, when built. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = FractureCommand.class.getPackage().getImplementationVersion();
        return new String[] {"fracture " + (v == null ? "development build" : v)};
    }
}
