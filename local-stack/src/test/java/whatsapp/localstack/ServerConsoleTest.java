package whatsapp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerConsoleTest {

    @Test
    void showsErrorsOurWarningsAndFailedDeploymentsOnly() {
        assertThat(ServerConsole.shown("\u001B[0m\u001B[33m06:22:59,020 WARN  [whatsapp.integrations.events.Relay] (EJB 1) Redis unavailable"))
                .isEqualTo("server: 06:22:59,020 WARN  [whatsapp.integrations.events.Relay] (EJB 1) Redis unavailable");
        assertThat(ServerConsole.shown("06:22:59,020 ERROR [org.jboss.as.controller] (main) boom")).startsWith("server: ");
        assertThat(ServerConsole.shown("06:22:59,020 ERROR [org.jboss.as.controller.management-operation] (main) "
                + "WFLYCTL0013: Operation (\"deploy\") failed")).startsWith("server: ");
        assertThat(ServerConsole.shown("06:22:47,699 WARN  [org.wildfly.extension.microprofile.openapi.smallrye] (MSC) "
                + "WFLYMPOAI0007: requires documentation")).isNull();
        assertThat(ServerConsole.shown("06:22:47,660 WARN  [org.wildfly.extension.microprofile.health.smallrye] (mgmt) "
                + "WFLYMPHEALTH0003: Reporting health down status")).isNull();
        assertThat(ServerConsole.shown("06:22:47,660 INFO  [org.jboss.as] (main) WFLYSRV0025: started")).isNull();
        assertThat(ServerConsole.shown("=========================================================================")).isNull();
    }
}
