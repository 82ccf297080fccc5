package whatsapp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Figures as they are measured: printed at once, written to docs/benchmarks.md at the end. */
final class Report {

    final List<String> lines = new ArrayList<>();

    void section(String title) {
        add("");
        add("## " + title);
        add("");
    }

    void add(String line) {
        System.out.println(line);
        lines.add(line);
    }

    void row(Object... cells) {
        var text = new StringBuilder("|");
        for (Object cell : cells) text.append(' ').append(cell).append(" |");
        add(text.toString());
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + String.join("\n", lines) + "\n");
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    static String s(double seconds) {
        return seconds < 1 ? String.format("%.0f ms", seconds * 1000) : String.format("%.2f s", seconds);
    }

    static String ratio(double baseline, double ours) {
        return String.format("%.1f×", baseline / ours);
    }
}
