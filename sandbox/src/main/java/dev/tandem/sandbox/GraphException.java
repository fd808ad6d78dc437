package dev.tandem.sandbox;

/**
 * A Graph API error exactly as Meta shapes it:
 * {"error":{"message":"(#code) Title","type":"OAuthException","code":..,"error_data":{"messaging_product":"whatsapp","details":..},"fbtrace_id":..}}.
 */
public class GraphException extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String type;
    private final String title;
    private final String details;

    public GraphException(int httpStatus, int code, String title, String details) {
        this(httpStatus, code, null, "OAuthException", title, details);
    }

    public GraphException(int httpStatus, int code, Integer subcode, String type, String title, String details) {
        super("(#" + code + ") " + title);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.title = title;
        this.details = details;
    }

    public static GraphException invalidParameter(String details) {
        return new GraphException(400, 100, "Invalid parameter", details);
    }

    public static GraphException missingParameter(String details) {
        return new GraphException(400, 131008, "Required parameter is missing", details);
    }

    /** Meta's answer for an id that is unknown or not visible to the token: code 100, subcode 33. */
    public static GraphException unknownObject(String id, String method) {
        return new GraphException(400, 100, 33, "GraphMethodException", "Unsupported " + method + " request",
                "Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions,"
                        + " or does not support this operation.");
    }

    public static GraphException invalidToken() {
        return new GraphException(401, 190, null, "OAuthException", "Error validating access token",
                "The access token is invalid or has expired.");
    }

    public int httpStatus() { return httpStatus; }
    public int code() { return code; }
    public Integer subcode() { return subcode; }
    public String type() { return type; }
    public String title() { return title; }
    public String details() { return details; }
}
