package dev.tandem.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmark command line: one entry point for every part, one report per run. */
public final class Bench {

    static final String HELP = """
            Tandem benchmarks against a running Tandem (mvn package wildfly:run, or your own server).
              mvn -q -pl bench compile exec:java -Dbench.args="<command> [options]"
            Commands:
              ingest    signed webhooks at a fixed arrival rate: events/s, acknowledgement and end-to-end latency, memory
              history   a coexistence history sync of --messages messages into a fresh tenant: messages/s until imported
              outbound  template sends through /api/v1/messages to the sandbox: accepted sends/s, refusals, Meta's rate
              baseline  the limit, no server needed: the same rows by bare JDBC batches, the same JMS messages by bare producers
              all       all of the above in one run, one report (--skip=history,outbound,... leaves parts out)
            Where and who:
              --url=http://127.0.0.1:8080   Tandem's HTTP port (the sandbox is expected at <url>/sandbox)
              --api-key=tdm_...             a platform admin key (TANDEM_ADMIN_API_KEY); history and outbound need one,
                                            ingest uses it to check that every acknowledged delivery was archived
              --database=H2|PostgreSQL      the engine Tandem runs on: labels the report, picks the baseline's engine
              --out=bench/results  --work=bench/target/work
            ingest (defaults fit the demo tenant of the run command):
              --rate=500 (deliveries/s)  --seconds=60  --warmup=90  --threads=64
              --app-id=100000000000001  --app-secret=demo-app-secret  --waba=200000000000001  --phone=300000000000001
              --display=4915100000001
              --events-user=bench  --events-password=bench-events-1   an application user in group tandem-events,
                                            created on the server with:
                                            bin/add-user.sh -a -u bench -p bench-events-1 -g tandem-events
                                            --events-user=none skips end-to-end latency
            history:
              --messages=1000000  --customers=10000  --chunk=2000 (messages per POST, each POST <= 3 MB)
              --history-threads=4 (POSTs in flight)  --history-timeout=1800 (s)
            outbound:
              --sends=2000  --send-rate=200 (offered/s)  --outbound-timeout=180 (s)
            baseline:
              --baseline-deliveries=20000  --baseline-messages=<--messages>  --baseline-batch=100 (deliveries per commit)
              --baseline-producers=16
              --baseline-db-url=jdbc:postgresql://127.0.0.1:5432/tandem_bench?reWriteBatchedInserts=true
              --baseline-db-user=tandem_test
              --baseline-db-password=tandem_test   (PostgreSQL only: a scratch schema bench_baseline is dropped and made)
            """;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + HELP);
            System.exit(2);
            return;
        }
        if (options.has("help")) {
            System.out.println(HELP);
            return;
        }
        Map<String, Object> result = run(options);
        Report.write(Path.of(options.get("out", "bench/results")), options.command(), result);
        System.exit(0);
    }

    /** The options as the report shows them: keys and passwords never land in a committed result. */
    static Map<String, String> published(Options options) {
        Map<String, String> shown = new java.util.TreeMap<>(options.values());
        shown.replaceAll((name, value) -> name.contains("key") || name.contains("password") || name.contains("secret")
                ? "(hidden)" : value);
        return shown;
    }

    static Map<String, Object> run(Options options) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", options.command());
        result.put("at", Instant.now().toString());
        result.put("database", options.get("database", "H2"));
        result.put("machine", Machine.describe());
        result.put("options", published(options));
        TandemApi tandem = new TandemApi(options.get("url", "http://127.0.0.1:8080"), options.get("api-key"));
        Path work = Path.of(options.get("work", "bench/target/work"));
        if (options.runs("ingest")) {
            System.out.println("ingest ...");
            result.put("ingest", IngestBench.run(options, tandem));
        }
        if (options.runs("history")) {
            System.out.println("history ...");
            result.put("history", HistoryBench.run(options, tandem));
        }
        if (options.runs("outbound")) {
            System.out.println("outbound ...");
            result.put("outbound", OutboundBench.run(options, tandem));
        }
        if (options.runs("baseline")) {
            Map<String, Object> baseline = new LinkedHashMap<>();
            int deliveries = options.integer("baseline-deliveries", 20_000);
            System.out.println("baseline: JMS ...");
            baseline.put("jms", JmsBaseline.run(deliveries, options.integer("baseline-producers", 16), work));
            try (JdbcBaseline jdbc = JdbcBaseline.open(options, work)) {
                System.out.println("baseline: JDBC ingest rows ...");
                baseline.put("jdbcIngest", jdbc.ingest(deliveries, options.integer("baseline-batch", 100)));
                System.out.println("baseline: JDBC history rows ...");
                baseline.put("jdbcHistory", jdbc.history(options.integer("baseline-messages", options.integer("messages", 1_000_000)),
                        options.integer("customers", 10_000), options.integer("chunk", 2_000)));
            }
            result.put("baseline", baseline);
        }
        Report.addRatios(result);
        return result;
    }
}
