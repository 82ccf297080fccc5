package whatsapp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OldDataDirectoryTest {

    @TempDir
    Path workDir;

    @Test
    void aDataDirectoryOfAnotherMajorVersionIsMovedAsideWithOneLine() throws Exception {
        Path data = workDir.resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        Files.writeString(data.resolve("some-table"), "rows");
        var lines = new ArrayList<String>();

        new LocalStack(workDir, Map.of(), lines::add).moveAsideIfOtherMajor(data);

        assertThat(data).doesNotExist();
        try (var moved = Files.list(workDir)) {
            Path aside = moved.filter(p -> p.getFileName().toString().startsWith("postgres-14-")).findFirst().orElseThrow();
            assertThat(aside.resolve("some-table")).hasContent("rows");
            assertThat(lines).singleElement().asString().contains("PostgreSQL 14", aside.toString());
        }
    }

    @Test
    void aDataDirectoryOfTheBinariesMajorVersionStays() throws Exception {
        Path data = workDir.resolve("postgres");
        Files.createDirectories(data);
        String major = LocalStack.POSTGRES_VERSION.split("\\.")[0];
        assertThat(major).isEqualTo("18");
        Files.writeString(data.resolve("PG_VERSION"), major + "\n");
        var lines = new ArrayList<String>();

        new LocalStack(workDir, Map.of(), lines::add).moveAsideIfOtherMajor(data);

        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(lines).isEmpty();
    }
}
