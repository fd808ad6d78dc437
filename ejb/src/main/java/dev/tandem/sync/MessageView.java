package dev.tandem.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as legacy systems read it (documented in the OpenAPI document): text is the body or
 * caption; statuses is every report Meta sent, in order; revisions are the versions before edits
 * and revokes; payload is Meta's object as received.
 */
public record MessageView(String wamid, UUID conversationId, Direction direction, Origin origin, String type,
                          String text, String mediaId, MessageStatus status, ErrorView error, Instant timestamp,
                          boolean edited, boolean revoked, List<StatusView> statuses, List<RevisionView> revisions,
                          String payload) {

    public record StatusView(MessageStatus status, Instant timestamp, ErrorView error) {
    }

    public record RevisionView(MessageRevision.Kind kind, String previousText, Instant changedAt) {
    }

    public record ErrorView(Integer code, String title, String details) {
        static ErrorView of(Integer code, String title, String details) {
            return code == null && title == null ? null : new ErrorView(code, title, details);
        }
    }

    static MessageView of(Message m, List<StatusChange> statuses, List<MessageRevision> revisions) {
        return new MessageView(m.wamid(), m.conversationId(), m.direction(), m.origin(), m.type(), m.text(), m.mediaId(),
                m.status(), ErrorView.of(m.errorCode(), m.errorTitle(), m.errorDetails()), m.sentAt(), m.edited(),
                m.revoked(),
                statuses.stream().map(s -> new StatusView(s.status(), s.occurredAt(),
                        ErrorView.of(s.errorCode(), s.errorTitle(), s.errorDetails()))).toList(),
                revisions.stream().map(r -> new RevisionView(r.kind(), r.previousText(), r.changedAt())).toList(),
                m.payload());
    }
}
