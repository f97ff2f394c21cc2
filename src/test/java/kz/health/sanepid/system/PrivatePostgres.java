package kz.health.sanepid.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (initdb into a temporary directory, a free port, trust authentication for
 * localhost), from the binaries of Debian's postgresql package (scripts/install-system-packages.sh): a test may stop
 * and start it under a running node without disturbing the shared server of scripts/start-postgres.sh. As root the
 * server runs as the postgres user (PostgreSQL refuses root).
 */
final class PrivatePostgres implements AutoCloseable {

    static final String USER = "sanepid";

    final Path dir;
    final int port;
    private final Path bin;

    PrivatePostgres() throws IOException, InterruptedException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow().resolve("bin");
        }
        dir = Files.createTempDirectory("sanepid-pg-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (isRoot()) {
            run("chown", "postgres", dir.toString());
        }
        run(asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        start();
    }

    void start() throws IOException, InterruptedException {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=localhost",
                "start"));
    }

    void stop() throws IOException, InterruptedException {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast",
                "stop"));
    }

    void createDatabase(String name) throws IOException, InterruptedException {
        run(tool("createdb"), "-h", "localhost", "-p", String.valueOf(port), "-U", USER, name);
    }

    /** One of the server's client programs (pg_dump, pg_restore, psql) of the same version. */
    String tool(String name) {
        return bin.resolve(name).toString();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } finally {
            run("rm", "-rf", dir.toString());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String[] asOwner(String... command) {
        if (!isRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(List.of(command));
        return asPostgres.toArray(String[]::new);
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
