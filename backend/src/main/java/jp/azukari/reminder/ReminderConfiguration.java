package jp.azukari.reminder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.azukari.platform.AgencyTimeZone;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The daily reminders: settings under {@code azukari.reminders.*}; e-mail when {@code
 * spring.mail.host} and {@code azukari.reminders.mail.to} are set, the log otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReminderConfiguration {

    @Bean
    ReminderNotifier reminderNotifier(
            ObjectProvider<JavaMailSender> mail,
            @Value("${azukari.reminders.mail.to:}") List<String> to,
            @Value("${azukari.reminders.mail.from:azukari@localhost}") String from) {
        JavaMailSender sender = mail.getIfAvailable();
        List<String> recipients = to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (sender != null && !recipients.isEmpty()) {
            return new MailReminderNotifier(sender, from, recipients);
        }
        if (sender != null) {
            LoggerFactory.getLogger(ReminderConfiguration.class)
                    .warn(
                            "spring.mail is configured but azukari.reminders.mail.to is empty: reminders go to the log only");
        }
        return new LoggingReminderNotifier();
    }

    @Bean
    ReminderLog reminderLog(DatabaseClient db) {
        return new ReminderLog(db);
    }

    @Bean
    ReminderJob reminderJob(
            DatabaseClient db,
            TransactionalOperator tx,
            ReminderNotifier notifier,
            Clock clock,
            jp.azukari.platform.ReminderSettings reminders,
            @Value("${azukari.reminders.stale-claim-after:PT30M}") Duration staleClaimAfter,
            @Value("${azukari.reminders.instance-id:}") String instanceId) {
        String instance =
                instanceId.isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName()
                                + "/"
                                + UUID.randomUUID().toString().substring(0, 8)
                        : instanceId;
        return new ReminderJob(
                db,
                tx,
                notifier,
                instance,
                new ReminderJob.Settings(reminders::dueSoonDays, staleClaimAfter),
                clock);
    }

    @Bean
    @ConditionalOnProperty(
            name = "azukari.reminders.enabled",
            havingValue = "true",
            matchIfMissing = true)
    ReminderScheduler reminderScheduler(
            ReminderJob job,
            jp.azukari.platform.ReminderSettings reminders,
            Clock clock,
            AgencyTimeZone zone) {
        return new ReminderScheduler(job, reminders, clock, zone);
    }
}
