package com.campaignledger.web.notification;

import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.notifications.delivery.DeliveryService;
import com.campaignledger.notifications.outbox.Delivery;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One delivery with its attempts, and sending it again by hand. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    private final DeliveryService deliveries;
    private final CommandExecutor executor;

    DeliveryController(DeliveryService deliveries, CommandExecutor executor) {
        this.deliveries = deliveries;
        this.executor = executor;
    }

    @GetMapping("/{id}")
    Delivery get(@PathVariable String id, RequestContext context) {
        return deliveries.get(context.accountId(), id);
    }

    /** Queues the delivery again now (same webhook-id, fresh round of retries): 202 with its state. */
    @PostMapping("/{id}/redeliver")
    ResponseEntity<?> redeliver(@PathVariable String id, CommandRequest command) {
        return executor.execute(
                command,
                null,
                null,
                context ->
                        ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.redeliver(Audits.of(context), id)));
    }
}
