package dev.tandem.sandbox;

/** Graph API versions the sandbox answers to (v23.0 to v26.0 appear in 2026 docs; any vNN.N is accepted). */
public final class GraphVersions {

    private GraphVersions() {
    }

    public static void check(String version) {
        if (version == null || !version.matches("v\\d{1,3}\\.\\d")) {
            throw new GraphException(400, 2500, null, "OAuthException", "Unknown path components",
                    "Unknown path components: /" + version);
        }
    }
}
