package dev.fracture.io;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.SnapshotValidator;
import dev.fracture.model.VenueSpec;
import dev.fracture.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a snapshot from YAML or JSON. Either the whole snapshot is read and valid, or a
 * {@link SnapshotFormatException} lists every problem as {@code file:line:column: path: rule}.
 *
 * <p>Three stages, each reporting everything it finds: syntax (the first error stops the parser), shape (types,
 * missing and unknown fields, and the rules of {@code populations}, which are expanded into positions between this
 * stage and the next), then the model's rules, whose field paths are mapped back to where the file wrote
 * them. A later stage runs only when the earlier ones found nothing, since its input would be incomplete.
 */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    /** Reads a file; the format follows its extension (.yaml, .yml or .json). */
    public static EcosystemSnapshot read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return read(text, file.getFileName().toString(), Format.of(file));
    }

    /**
     * @param sourceName the name error messages use for the text (a file name)
     */
    public static EcosystemSnapshot read(String text, String sourceName, Format format) {
        SourceNode root = SourceTreeReader.parse(text, sourceName, format);
        if (root == null) {
            throw new SnapshotFormatException(List.of(new SourceProblem(sourceName, new SourceLocation(1, 1), "",
                    "empty document: expected a snapshot object")));
        }
        Decoding decoding = new Decoding(sourceName);
        SnapshotDecoder decoder = new SnapshotDecoder(decoding);
        DecodedSnapshot parts = decoder.decode(root);
        if (!decoding.problems().isEmpty()) {
            throw located(decoding.problems());
        }
        parts = new PopulationExpander(decoding).expand(parts, decoder.populations());
        if (!decoding.problems().isEmpty()) {
            throw located(decoding.problems());
        }
        List<Violation> violations = SnapshotValidator.DEFAULT.validate(parts.name(), parts.asOf(), parts.chains(),
                parts.assets(), parts.bridges(), parts.venues(), parts.oracles(), parts.protocols());
        if (!violations.isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Violation v : violations) {
                problems.add(new SourceProblem(sourceName, decoding.sourceMap().locate(v.path()), v.path(), v.rule()));
            }
            throw located(problems);
        }
        return new EcosystemSnapshot(parts.name(), parts.asOf(), parts.chains(), parts.assets(), parts.bridges(),
                parts.venues(), parts.oracles(), parts.protocols());
    }

    /**
     * Reads one venue in the snapshot schema (JSON or YAML flow text, as given inline on a command line) and checks
     * it against {@code context}: its chain and assets must exist there, with every venue rule of a snapshot, and
     * its id must not clash with the context's venues. Errors name {@code sourceName}, line and column.
     */
    public static VenueSpec readVenue(String text, String sourceName, EcosystemSnapshot context) {
        SourceNode root = SourceTreeReader.parse(text, sourceName,
                text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML);
        if (root == null) {
            throw new SnapshotFormatException(List.of(new SourceProblem(sourceName, new SourceLocation(1, 1), "",
                    "empty document: expected a venue object")));
        }
        String path = "venues[" + context.venues().size() + "]";
        Decoding decoding = new Decoding(sourceName);
        VenueSpec venue = new SnapshotDecoder(decoding).venueAlone(root, path, context.assets());
        if (!decoding.problems().isEmpty() || venue == null) {
            throw located(decoding.problems().isEmpty()
                    ? List.of(new SourceProblem(sourceName, root.location(), "", "not a venue"))
                    : decoding.problems());
        }
        List<VenueSpec> venues = new ArrayList<>(context.venues());
        venues.add(venue);
        List<Violation> violations = SnapshotValidator.DEFAULT.validate(context.name(), context.asOf(),
                context.chains(), context.assets(), context.bridges(), venues, context.oracles(), context.protocols());
        if (!violations.isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Violation v : violations) {
                String local = v.path().startsWith(path) ? v.path().substring(path.length()) : v.path();
                local = local.startsWith(".") ? local.substring(1) : local;
                problems.add(new SourceProblem(sourceName, decoding.sourceMap().locate(v.path()), local, v.rule()));
            }
            throw located(problems);
        }
        return venue;
    }

    /** Problems in file order, so the list reads top to bottom like the file. */
    private static SnapshotFormatException located(List<SourceProblem> problems) {
        List<SourceProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(SourceProblem::location));
        return new SnapshotFormatException(sorted);
    }
}
