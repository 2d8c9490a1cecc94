package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replaces the lines between a start marker line and an end marker line of a text (each marker
 * a whole line, blanks around it ignored), keeping the markers and everything outside them.
 */
final class GeneratedRegions {

    /**
     * Where a region is: the indentation of its start marker, and the line that holds it (the
     * nearest line above that is less indented and not a comment; empty at the top level).
     */
    record Region(String indent, String parent) {
    }

    private GeneratedRegions() {
    }

    /**
     * {@code text} with every marked region's lines replaced by {@code content} of that region.
     *
     * @throws IllegalStateException naming {@code file} when it has no region, or one is not closed
     */
    static String replace(String text, String file, String start, String end, Function<Region, List<String>> content) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> out = new ArrayList<>();
        int regions = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            if (!line.strip().equals(start)) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(end)) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(file + ": the region at line " + (i + 1) + " has no '" + end + "' line");
            }
            out.addAll(content.apply(new Region(indentOf(line), parent(lines, i))));
            out.add(lines.get(close));
            i = close;
            regions++;
        }
        if (regions == 0) {
            throw new IllegalStateException(file + ": no '" + start + "' line");
        }
        return String.join("\n", out);
    }

    private static String parent(List<String> lines, int at) {
        int indent = indentOf(lines.get(at)).length();
        for (int i = at - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.strip().startsWith("#") && indentOf(line).length() < indent) {
                return line.strip();
            }
        }
        return "";
    }

    private static String indentOf(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
