package whatsapp.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import redis.embedded.RedisServer;
import whatsapp.simulator.EvolutionSimulator;

/**
 * The whole system on one machine: PostgreSQL, Redis and Evolution (embedded, unless DB_URL,
 * REDIS_URL or EVOLUTION_URL point at real ones), a development JWT key pair, and the
 * provisioned WildFly with the EAR. Used by {@code ./start.sh} and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final String SIMULATOR_KEY = "local-simulator-global-key";

    final Path workDir;
    final Map<String, String> env;
    EmbeddedPostgres postgres;
    RedisServer redis;
    int redisPort;
    EvolutionSimulator simulator;
    /** The fleet's simulators by server name, when started with several Evolution servers. */
    final Map<String, EvolutionSimulator> fleet = new java.util.LinkedHashMap<>();
    DevTokens tokens;
    WildFlyProcess server;
    final Map<String, String> serverEnv = new HashMap<>();

    LocalStack(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = env;
    }

    /** Starts everything; {@code overrides} add to or replace the server's environment. */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides) throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, 0);
    }

    /** @param portOffset added to WildFly's 8080 and 9990, so that two stacks can run side by side */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset) throws Exception {
        return start(workDir, serverHome, freshDatabase, inheritServerOutput, overrides, portOffset, java.util.List.of());
    }

    /**
     * @param evolutionServers empty: one Evolution (the simulator, or EVOLUTION_URL) as {@code default}; else one
     *                         simulator per name, each with its own key, passed as {@code EVOLUTION_SERVERS} and
     *                         {@code EVOLUTION_API_KEY_<NAME>} ({@code EVOLUTION_URL} stays set too, and is ignored)
     */
    public static LocalStack start(Path workDir, Path serverHome, boolean freshDatabase, boolean inheritServerOutput,
                                   Map<String, String> overrides, int portOffset, java.util.List<String> evolutionServers)
            throws Exception {
        var stack = new LocalStack(workDir, System.getenv());
        try {
            Files.createDirectories(workDir);
            if (freshDatabase) Files.deleteIfExists(workDir.resolve("server.log"));
            stack.startDatabase(freshDatabase);
            stack.startRedis();
            stack.startEvolution();
            stack.startFleet(evolutionServers);
            stack.prepareTokens();
            stack.serverEnv.putIfAbsent("PUBLIC_URL", stack.env.getOrDefault("PUBLIC_URL", "http://127.0.0.1:" + (8080 + portOffset)));
            stack.serverEnv.putAll(overrides);
            stack.server = new WildFlyProcess(serverHome, stack.serverEnv, workDir.resolve("server.log"),
                    inheritServerOutput, portOffset);
            // a fleet stack runs beside the shared one of the system tests: a server directory of its own
            if (!evolutionServers.isEmpty()) stack.server.withOwnBaseDir(workDir.resolve("standalone"));
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
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(fresh)
                .setPort(freePort())
                .start();
        serverEnv.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        serverEnv.put("DB_USER", "postgres");
        serverEnv.put("DB_PASSWORD", "postgres");
    }

    void startRedis() throws IOException {
        if (env.containsKey("REDIS_URL")) {
            serverEnv.put("REDIS_URL", env.get("REDIS_URL"));
            return;
        }
        redisPort = freePort();
        startEmbeddedRedis();
        serverEnv.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
    }

    void startEmbeddedRedis(String... extraSettings) throws IOException {
        var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"").setting("appendonly no").setting("maxmemory 256mb");
        for (String setting : extraSettings) builder.setting(setting);
        redis = builder.build();
        redis.start();
    }

    void startEvolution() throws IOException {
        if (env.containsKey("EVOLUTION_URL")) {
            serverEnv.put("EVOLUTION_URL", env.get("EVOLUTION_URL"));
            serverEnv.put("EVOLUTION_API_KEY", env.getOrDefault("EVOLUTION_API_KEY", ""));
            return;
        }
        simulator = EvolutionSimulator.start(freePort(), SIMULATOR_KEY);
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
        serverEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toAbsolutePath().toString());
        serverEnv.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        serverEnv.put("MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);   // the development tokens carry it
    }

    /** Stops embedded Redis (for outage tests); {@link #startRedisAgain()} brings it back on the same port. */
    public void stopRedis() throws IOException {
        if (redis != null) redis.stop();
    }

    /** @param extraSettings redis.conf lines, e.g. {@code requirepass x} to keep the server out for a while */
    public void startRedisAgain(String... extraSettings) throws IOException {
        startEmbeddedRedis(extraSettings);
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
        if (server != null) server.stop();
        if (simulator != null) simulator.close();
        for (var evolution : fleet.values()) evolution.close();
        if (redis != null) redis.stop();
        if (postgres != null) postgres.close();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
