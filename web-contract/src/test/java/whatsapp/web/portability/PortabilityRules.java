package whatsapp.web.portability;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What keeps a module's code the same on WildFly (Hibernate, its EJB container) and Payara (EclipseLink, its EJB
 * container), each rule learnt from a failure on one of them. A module's {@code PortabilityTest} extends this with
 * its root package; its sources are read from {@code src/main/java}, its classes with ArchUnit.
 */
public abstract class PortabilityRules {

    /** The module's root package, e.g. {@code whatsapp.integrations}. */
    protected abstract String rootPackage();

    JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage());
    }

    static final Pattern CALL = Pattern.compile("createNativeQuery\\(\\s*(\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Z_][A-Z0-9_]*)\\b)", Pattern.DOTALL);
    static final Pattern QUOTED = Pattern.compile("'[^']*'");
    static final Pattern NAMED = Pattern.compile("(?<![:\\w]):[A-Za-z_]\\w*");
    static final Pattern LIST_IN = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?\\d*\\s*\\)");

    /**
     * Native SQL that both JPA providers run the same way (Hibernate on WildFly, EclipseLink on Payara): EclipseLink takes
     * no named parameter ({@code :name}) in a native query and does not expand a list bound to {@code IN (?1)}, so every
     * native query of this module uses positional parameters only and binds lists as one array
     * ({@code = ANY (CAST(?1 AS text[]))}, {@code SqlValues.array}). Read from the sources: the SQL given to
     * {@code createNativeQuery} as a literal, or as a constant of the same class.
     */
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
        var classes = classes();
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

    /**
     * Payara applies a class-level {@code @TransactionAttribute} to business and {@code @Timeout} methods only, never to
     * {@code @Schedule} methods, which then run in a container transaction (REQUIRED) there but not on WildFly. A bean
     * with {@code @Schedule} methods is therefore bean-managed: no transaction around them on either server.
     */
    @Test
    void everyBeanWithScheduleMethodsIsBeanManaged() {
        var classes = classes();
        var scheduled = classes.stream().filter(PortabilityRules::hasScheduleMethods).toList();

        assertThat(scheduled).isNotEmpty();
        assertThat(scheduled).allSatisfy(bean -> assertThat(bean.tryGetAnnotationOfType(TransactionManagement.class))
                .as(bean.getName() + " is bean-managed").hasValueSatisfying(
                        annotation -> assertThat(annotation.value()).isEqualTo(TransactionManagementType.BEAN)));
    }

    static boolean hasScheduleMethods(JavaClass bean) {
        return bean.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Schedule.class) || m.isAnnotatedWith(Schedules.class));
    }

    /**
     * Payara finds an EJB's own lifecycle callback by its name only, taking the first method of that name the class lists
     * (an order that changes from one JVM to the next): an overload of a {@code @PostConstruct} method failed the
     * deployment now and then with "wrong number of arguments". No lifecycle callback name is overloaded.
     */
    @Test
    void noLifecycleCallbackNameIsOverloaded() {
        var classes = classes();
        var callbacks = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(PostConstruct.class) || m.isAnnotatedWith(PreDestroy.class)).toList();

        assertThat(callbacks).isNotEmpty();
        assertThat(callbacks).allSatisfy(callback -> assertThat(callback.getOwner().getMethods().stream()
                .map(JavaMethod::getName).filter(callback.getName()::equals).count())
                .as(callback.getFullName() + " has no overload").isEqualTo(1));
    }
}
