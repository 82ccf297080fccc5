package whatsapp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Payara Server 6 ({@code payara-server/target/payara6}, unpacked by the build) with the same EAR, as a child process:
 * {@code asadmin start-domain --verbose}, whose child is the server JVM, so that a stop, a kill -9 and a restart
 * behave as they do for WildFly. Chosen by {@code SERVER=payara} or {@code -Dstack.server=payara}.
 *
 * <p>Each stack runs a domain of its own, {@code <work dir>/payara/domain1}, copied afresh from the unpacked
 * {@code domain1} (which the build gave the PostgreSQL driver): its listeners get the stack's ports (HTTP
 * {@code 8080 + offset}, every other listener shifted by the same offset, the admin port {@code 4848 + offset} unless
 * {@code -Dpayara.admin-port} names one) and listen on 127.0.0.1. At boot the domain runs
 * {@code server-config/payara/post-boot-commands.asadmin} (datasource from DB_URL/DB_USER/DB_PASSWORD, threads, log
 * levels) and then deploys {@code deploy/whatsapp-integrations.ear}. MP Health answers on the HTTP port, so the
 * {@link #managementUrl()} is the HTTP URL. {@code pre-boot-commands.asadmin} runs before the services start (threads,
 * body size, Payara's own MP Metrics off, so that {@code /metrics} is the application's).
 */
public final class PayaraProcess extends WildFlyProcess {

    static final String DOMAIN = "domain1";

    /** Payara's ports in {@code server-config} of a fresh domain.xml, each shifted by the stack's offset. */
    static final int HTTP = 8080, HTTPS = 8181, ADMIN = 4848, IIOP = 3700, IIOP_SSL = 3820, IIOP_MUTUAL = 3920,
            JMX = 8686, JMS = 7676, DEBUG = 9009, OSGI_SHELL = 6666, HAZELCAST_DAS = 4900, HAZELCAST = 5900;

    final int adminPort;

    /**
     * One CDI container for the whole EAR (Payara's {@code fish.payara.ear-combined-cdi-deployment}, read from the
     * deployment's properties by its Weld integration). Without it Payara starts a Weld container per WAR of an EAR
     * that has no EJB module, and each makes its own client proxies of the {@code ear/lib} beans in the one library
     * class loader: made concurrently (a health request while the next WAR deploys) they collide
     * ({@code LinkageError: attempted duplicate class definition for ...$Proxy$_$$_WeldClientProxy}, WELD-001524).
     */
    static final String DEPLOY_PROPERTIES = "fish.payara.ear-combined-cdi-deployment=true";

    public PayaraProcess(Path home, Map<String, String> environment, Path log, boolean inheritOutput, int portOffset) {
        super(home, environment, log, inheritOutput, portOffset);
        this.adminPort = Integer.getInteger("payara.admin-port", ADMIN + portOffset);
    }

    /** {@code -Dstack.server=payara} or {@code SERVER=payara}. */
    public static boolean selected() {
        String kind = System.getProperty("stack.server", System.getenv().getOrDefault("SERVER", "wildfly"));
        return kind.toLowerCase(Locale.ROOT).equals("payara");
    }

    @Override
    public String name() {
        return "Payara Server";
    }

    /** {@code baseDir} holds the domain ({@code baseDir/domain1}), made afresh from the unpacked server's. */
    @Override
    public WildFlyProcess withOwnBaseDir(Path baseDir) throws IOException {
        deleteTree(baseDir);
        copyTree(home.resolve("glassfish/domains").resolve(DOMAIN), baseDir.resolve(DOMAIN));
        Path domainXml = baseDir.resolve(DOMAIN).resolve("config/domain.xml");
        Files.writeString(domainXml, withPorts(Files.readString(domainXml, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Files.copy(home.resolve("whatsapp/pre-boot-commands.asadmin"), baseDir.resolve("pre-boot-commands.asadmin"));
        var commands = new ArrayList<>(Files.readAllLines(home.resolve("whatsapp/post-boot-commands.asadmin")));
        commands.add("deploy --force=true --name whatsapp-integrations --properties " + DEPLOY_PROPERTIES + " " + home.resolve("deploy/whatsapp-integrations.ear").toAbsolutePath().normalize());
        Files.write(baseDir.resolve("post-boot-commands.asadmin"), commands, StandardCharsets.UTF_8);
        this.baseDir = baseDir;
        return this;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The server's own configuration ({@code server-config}, before {@code default-config}) on this stack's ports. */
    String withPorts(String domainXml) {
        int split = domainXml.indexOf("<config name=\"default-config\"");
        if (split < 0) throw new IllegalStateException("domain.xml without default-config: not a Payara 6 domain?");
        String server = domainXml.substring(0, split);
        server = replace(server, "<network-listener port=\"" + HTTP + "\"", "<network-listener address=\"127.0.0.1\" port=\"" + (HTTP + portOffset) + "\"");
        server = replace(server, "<network-listener port=\"" + HTTPS + "\"", "<network-listener address=\"127.0.0.1\" port=\"" + (HTTPS + portOffset) + "\"");
        server = replace(server, "<network-listener port=\"" + ADMIN + "\"", "<network-listener address=\"127.0.0.1\" port=\"" + adminPort + "\"");
        server = replace(server, "address=\"0.0.0.0\" port=\"" + IIOP + "\"", "address=\"127.0.0.1\" port=\"" + (IIOP + portOffset) + "\"");
        server = replace(server, "address=\"0.0.0.0\" port=\"" + IIOP_SSL + "\"", "address=\"127.0.0.1\" port=\"" + (IIOP_SSL + portOffset) + "\"");
        server = replace(server, "address=\"0.0.0.0\" port=\"" + IIOP_MUTUAL + "\"", "address=\"127.0.0.1\" port=\"" + (IIOP_MUTUAL + portOffset) + "\"");
        server = replace(server, "address=\"0.0.0.0\" port=\"" + JMX + "\"", "address=\"127.0.0.1\" port=\"" + (JMX + portOffset) + "\"");
        server = replace(server, "value=\"" + JMS + "\"", "value=\"" + (JMS + portOffset) + "\"");
        server = replace(server, "address=" + DEBUG + "\"", "address=" + (DEBUG + portOffset) + "\"");
        server = replace(server, "telnet.port=" + OSGI_SHELL + "<", "telnet.port=" + (OSGI_SHELL + portOffset) + "<");
        server = replace(server, "start-port=\"" + HAZELCAST + "\" das-port=\"" + HAZELCAST_DAS + "\"",
                "start-port=\"" + (HAZELCAST + portOffset) + "\" das-port=\"" + (HAZELCAST_DAS + portOffset) + "\"");
        return server + domainXml.substring(split);
    }

    static String replace(String text, String from, String to) {
        if (!text.contains(from)) throw new IllegalStateException("domain.xml has no " + from + ": another Payara version?");
        return text.replace(from, to);
    }

    @Override
    public void start(Duration timeout) throws IOException, InterruptedException {
        if (baseDir == null) throw new IllegalStateException("withOwnBaseDir first: Payara runs a domain of its own per stack");
        requireFree(HTTP + portOffset);
        requireFree(adminPort);
        var command = new ArrayList<>(List.of(home.toAbsolutePath().normalize().resolve("bin/asadmin").toString(),
                "start-domain", "--verbose", "--domaindir", baseDir.toAbsolutePath().normalize().toString(),
                "--prebootcommandfile", baseDir.resolve("pre-boot-commands.asadmin").toAbsolutePath().normalize().toString(),
                "--postbootcommandfile", baseDir.resolve("post-boot-commands.asadmin").toAbsolutePath().normalize().toString(),
                DOMAIN));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.redirectErrorStream(true);
        if (inheritOutput) builder.inheritIO();
        else builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        logStart = Files.exists(log) ? Files.size(log) : 0;
        logSearched = logStart;
        process = builder.start();
        String marker = baseDir.toAbsolutePath().normalize().toString();
        if (pidFile != null) pidFile.write(process.pid(), marker);
        awaitReady(timeout.multipliedBy(2)); // OSGi start, boot commands and deployment: slower than WildFly
        serverJvm = ProcessHandle.of(pid()).orElse(null);
        if (pidFile != null) pidFile.write(pid(), marker);
    }

    /** The server JVM, found once ready: stopped and killed by its own handle too, as asadmin may be gone by then. */
    ProcessHandle serverJvm;

    @Override
    public void stop() throws InterruptedException {
        var jvm = serverJvm;
        super.stop();
        if (jvm != null && jvm.isAlive()) {
            jvm.destroy();
            try {
                jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                jvm.destroyForcibly();
            }
        }
    }

    @Override
    public void kill() throws InterruptedException {
        var jvm = serverJvm;
        if (jvm != null) jvm.destroyForcibly();
        super.kill();
        if (jvm != null) {
            try {
                jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone or going
            }
        }
    }

    /** Payara answers {@code /health/ready} UP with no checks while the EAR is not (yet, or no longer) deployed. */
    @Override
    boolean readyBody(String body) {
        return body.contains("\"checks\"") && !body.replaceAll("\\s", "").contains("\"checks\":[]");
    }

    /**
     * Ready once the whole EAR is deployed and its health says so. Payara's {@code /health/ready} is UP as soon as the
     * first module's checks are registered, while schemas are still migrated and later WARs not loaded (their paths
     * answer Payara's 404 or 403); and a health request during the deployment runs the application's checks while
     * its beans are still being made. So: first the last module of {@code application.xml} (the metrics-endpoint WAR,
     * which runs no check) must answer, then {@code /health/started} and {@code /health/ready} must be UP with checks.
     * A failed boot-command deployment ends the wait at once instead of after the timeout.
     */
    @Override
    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        var client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var deadline = java.time.Instant.now().plus(timeout);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IOException(name() + " exited with " + process.exitValue() + "; see " + log);
            if (deploymentFailed()) throw new IOException("The deployment failed; see " + log);
            try {
                if (status(client, metricsUrl()) == 200 && up(client, "/health/started") && up(client, "/health/ready")) return;
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still booting
            }
            Thread.sleep(500);
        }
        throw new IOException(name() + " not ready within " + timeout + "; see " + log);
    }

    static int status(java.net.http.HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    boolean up(java.net.http.HttpClient client, String path) throws IOException, InterruptedException {
        var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(managementUrl() + path))
                .timeout(Duration.ofSeconds(3)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 && readyBody(answer.body());
    }

    /** Where this start's output begins in the (appended) log, and how far it was searched. */
    long logStart, logSearched;

    /** Whether this start's boot command {@code deploy} failed (the log says so; nothing else would). */
    boolean deploymentFailed() throws IOException {
        if (inheritOutput || !Files.exists(log)) return false;
        try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(logStart, logSearched - 100); // a line split by the last search
            if (file.length() <= from) return false;
            file.seek(from);
            var bytes = new byte[(int) Math.min(file.length() - from, 16L * 1024 * 1024)];
            file.readFully(bytes);
            logSearched = from + bytes.length;
            return new String(bytes, StandardCharsets.UTF_8).contains("Boot Command deploy failed");
        }
    }

    /**
     * The same domain, log and pid file, to be started again with {@code environment}. The boot commands deploy the
     * EAR again ({@code --force}): Payara 6.2025.9 does not load an application deployed by a boot command at the next
     * boot by itself (the domain.xml names it, but nothing is loaded and every path answers 404).
     */
    @Override
    public WildFlyProcess again(Map<String, String> environment) {
        var next = new PayaraProcess(home, environment, log, inheritOutput, portOffset);
        next.baseDir = baseDir;
        next.pidFile = pidFile;
        return next;
    }

    @Override
    public String httpUrl() {
        return "http://127.0.0.1:" + (HTTP + portOffset);
    }

    /** MP Health (and the application's {@code /metrics}) answer on the HTTP listener. */
    @Override
    public String managementUrl() {
        return httpUrl();
    }

    /** The metrics-endpoint WAR's context root; Payara redirects {@code /metrics} to it. */
    @Override
    public String metricsUrl() {
        return httpUrl() + "/metrics/";
    }

    /** The server JVM: the one child of asadmin whose command names the domain's instance root. */
    @Override
    public long pid() {
        return process.descendants().filter(p -> p.info().commandLine().map(c -> c.contains("com.sun.aas.instanceRoot")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(super.pid());
    }
}
