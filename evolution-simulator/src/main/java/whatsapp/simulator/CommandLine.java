package whatsapp.simulator;

import java.util.concurrent.CountDownLatch;

/** The standalone run: {@code java -cp ... whatsapp.simulator.EvolutionSimulator --port 8081 --api-key X}. */
final class CommandLine {

    private CommandLine() {
    }

    static void run(String[] args) throws InterruptedException {
        var port = 8081;
        var apiKey = System.getenv().getOrDefault("EVOLUTION_API_KEY", "BQYHJGJHJ");
        var bind = "127.0.0.1";
        var version = ApiVersion.V2;
        for (int i = 0; i < args.length; i++) {
            var value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--api-key" -> apiKey = required(args[i], value);
                case "--bind" -> bind = required(args[i], value);
                case "--version" -> version = ApiVersion.parse(required(args[i], value));
                case "--help", "-h" -> {
                    System.out.println("usage: EvolutionSimulator [--port 8081] [--api-key KEY (env EVOLUTION_API_KEY)]"
                            + " [--bind 127.0.0.1|0.0.0.0] [--version v2|v1]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        var simulator = EvolutionSimulator.start(port, apiKey, bind);
        simulator.useVersion(version);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "evolution-simulator-stop"));
        System.out.println("Evolution simulator " + version.release() + " listening on " + simulator.baseUrl()
                + (bind.equals("127.0.0.1") ? "" : " (bound to " + bind + ")") + "; admin API at "
                + simulator.baseUrl() + "/__admin/");
        new CountDownLatch(1).await();
    }

    private static String required(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }
}
