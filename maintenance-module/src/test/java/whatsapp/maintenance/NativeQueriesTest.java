package whatsapp.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Native SQL that both JPA providers run the same way (Hibernate on WildFly, EclipseLink on Payara): EclipseLink takes
 * no named parameter ({@code :name}) in a native query and does not expand a list bound to {@code IN (?1)}, so every
 * native query of this module uses positional parameters only and binds lists as one array
 * ({@code = ANY (CAST(?1 AS text[]))}, {@code SqlValues.array}). Read from the sources: the SQL given to
 * {@code createNativeQuery} as a literal, or as a constant of the same class.
 */
class NativeQueriesTest {

    static final String PACKAGE = "whatsapp.maintenance";

    static final Pattern CALL = Pattern.compile("createNativeQuery\\(\\s*(\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Z_][A-Z0-9_]*)\\b)", Pattern.DOTALL);
    static final Pattern QUOTED = Pattern.compile("'[^']*'");
    static final Pattern NAMED = Pattern.compile("(?<![:\\w]):[A-Za-z_]\\w*");
    static final Pattern LIST_IN = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?\\d*\\s*\\)");

    @Test
    void nativeQueriesUsePositionalParametersAndNoListExpansion() throws IOException {
        var statements = new ArrayList<String>();
        var problems = new ArrayList<String>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    var sql = call.group(2) != null ? call.group(2) : call.group(3) != null ? call.group(3) : constant(source, call.group(4));
                    if (sql == null) continue;
                    statements.add(sql);
                    var unquoted = QUOTED.matcher(sql).replaceAll("''");
                    if (NAMED.matcher(unquoted).find()) problems.add(file.getFileName() + ": named parameter in " + sql.strip());
                    if (LIST_IN.matcher(unquoted).find()) problems.add(file.getFileName() + ": list bound to IN in " + sql.strip());
                }
            }
        }
        assertThat(statements).as("native queries found").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    /**
     * JDBC code takes the datasource from {@code WhatsAppDataSource}: the servers bind it under different names, and a
     * {@code @Resource(lookup = ...)} of one of them fails the deployment on the other.
     */
    @Test
    void noDataSourceIsInjectedByName() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PACKAGE);
        var injected = classes.stream().flatMap(c -> c.getFields().stream())
                .filter(f -> f.getRawType().isAssignableTo(javax.sql.DataSource.class))
                .filter(f -> f.tryGetAnnotationOfType(Resource.class).map(r -> !r.lookup().isEmpty() || !r.mappedName().isEmpty()).orElse(false))
                .map(JavaField::getFullName).toList();
        assertThat(injected).isEmpty();
    }

    /** The literal of {@code static final String NAME = "..."} or a text block in the same source, if any. */
    static String constant(String source, String name) {
        Matcher declaration = Pattern.compile("String\\s+" + name + "\\s*=\\s*(\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\")", Pattern.DOTALL).matcher(source);
        if (!declaration.find()) return null;
        return declaration.group(2) != null ? declaration.group(2) : declaration.group(3);
    }
}
