package dev.tandem.sandbox;

import java.time.Instant;

/**
 * A business phone number registered in the sandbox world, with what Meta would know about it: its
 * WABA, the Meta app whose secret signs its webhooks and where they go, the access token that may send
 * from it, its throughput (20 mps for coexistence, 80 standard, 1,000 upgraded), and when it was
 * onboarded (the 24 h window for the coexistence data sync starts there).
 */
public record SandboxNumber(String phoneNumberId, String wabaId, String displayNumber, String appId,
                            String appSecret, String webhookUrl, String accessToken, int messagesPerSecond,
                            boolean coexistence, Instant onboardedAt) {

    public SandboxNumber {
        require(phoneNumberId, "phoneNumberId");
        require(wabaId, "wabaId");
        require(displayNumber, "displayNumber");
        require(appSecret, "appSecret");
        require(webhookUrl, "webhookUrl");
        require(accessToken, "accessToken");
        if (coexistence) {
            messagesPerSecond = 20; // Meta fixes coexistence numbers at 20 mps
        } else if (messagesPerSecond <= 0) {
            messagesPerSecond = 80;
        }
        if (onboardedAt == null) {
            onboardedAt = Instant.now();
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw GraphException.missingParameter(name + " is required");
        }
    }
}
