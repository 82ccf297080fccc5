package whatsapp.incontainer;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR the build produced, unchanged, plus one web module {@code in-container-tests.war} holding
 * the test classes (and AssertJ). Deployed as {@code whatsapp-integrations.ear}, so the application's
 * JNDI names ({@code java:app/integrations-module/...}) are those of production.
 */
final class ApplicationArchive {

    static final String TEST_MODULE = "in-container-tests.war";

    private ApplicationArchive() {
    }

    static EnterpriseArchive withTests(Class<?>... testClasses) {
        var ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("ear.file", "../ear/target/whatsapp-integrations.ear")));
        var tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addClasses(testClasses)
                .addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, jarOf(Assertions.class)));
        ear.addAsModule(Testable.archiveToTest(tests));
        ear.setApplicationXML(new StringAsset(withWebModule(applicationXml(ear), TEST_MODULE, "/in-container-tests")));
        return ear;
    }

    static String applicationXml(EnterpriseArchive ear) {
        try (var in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The EAR has no readable application.xml", e);
        }
    }

    /** An EAR with an application.xml deploys only the modules it lists. */
    static String withWebModule(String applicationXml, String uri, String contextRoot) {
        String module = "<module><web><web-uri>" + uri + "</web-uri><context-root>" + contextRoot
                + "</context-root></web></module>\n  <library-directory>";
        if (!applicationXml.contains("<library-directory>")) throw new IllegalStateException("Unexpected application.xml");
        return applicationXml.replace("<library-directory>", module);
    }

    static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
