-- Baseline (2): what a command on an event-sourced aggregate costs the database at least: load the
-- aggregate's last 20 events, append 2, in one transaction. Each client owns 50 aggregates (no collisions).
\set k random(1, 50)
BEGIN;
SELECT sequence_number, payload_type, payload, meta_data FROM baseline_event
 WHERE aggregate_identifier = 'agg-' || :client_id || '-' || :k ORDER BY sequence_number DESC LIMIT 20;
INSERT INTO baseline_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                            payload_revision, payload, meta_data)
SELECT md5(random()::text || clock_timestamp()::text || g), 'agg-' || :client_id || '-' || :k,
       COALESCE((SELECT max(sequence_number) FROM baseline_event WHERE aggregate_identifier = 'agg-' || :client_id || '-' || :k), -1) + g,
       'Campaign', now()::text, 'com.campaignledger.campaign.api.CallResultRecordedEvent', NULL,
       convert_to(repeat('{"campaignId":1,"callId":"c-1-1","number":"+12122000001","result":"BUSY"}', 4), 'UTF8'),
       convert_to('{"accountId":"default","actor":"bench","correlationId":"5b0c7f9e-8f1d-4b7e-9d55-2f6d4c3a1b20"}', 'UTF8')
  FROM generate_series(1, 2) AS g;
END;
