package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.notifications.outbox.DueDelivery;
import com.campaignledger.notifications.subscription.SubscriptionService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * EMAIL notifications through the SMTP server of {@code spring.mail.*}. A failure (no server configured, the
 * server down) is an attempt like any other, retried on the same schedule.
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.mailFrom();
    }

    AttemptResult send(DueDelivery delivery) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return AttemptResult.failed(null, "no mail server configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(SubscriptionService.mailbox(delivery.endpoint()));
        message.setSubject("Campaign Ledger: " + delivery.eventType()
                + (delivery.campaignId() == null ? "" : " (campaign " + delivery.campaignId() + ")"));
        message.setText(delivery.payload() + "\n\nDelivery " + delivery.id() + "\n");
        try {
            sender.send(message);
            return new AttemptResult(true, null, null);
        } catch (MailException e) {
            return AttemptResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
