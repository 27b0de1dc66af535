package jp.azukari.reminder;

import java.util.List;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the day's digest by SMTP (spring.mail.*) to the configured addresses; JavaMail blocks, so
 * off the event loop.
 */
class MailReminderNotifier implements ReminderNotifier {

    private final JavaMailSender mail;
    private final String from;
    private final List<String> to;

    MailReminderNotifier(JavaMailSender mail, String from, List<String> to) {
        this.mail = mail;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public Mono<Void> deliver(ReminderDigest digest) {
        return Mono.<Void>fromRunnable(
                        () -> {
                            SimpleMailMessage message = new SimpleMailMessage();
                            message.setFrom(from);
                            message.setTo(to.toArray(String[]::new));
                            message.setSubject(digest.subject());
                            message.setText(digest.text());
                            mail.send(message);
                        })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
