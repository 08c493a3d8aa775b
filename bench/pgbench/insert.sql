-- Baseline (1): one event-shaped row per transaction (autocommit), a payload and metadata of the size of a
-- recorded call. Each row is its own aggregate's next event: no two clients collide.
INSERT INTO baseline_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                            payload_revision, payload, meta_data)
SELECT md5(random()::text || clock_timestamp()::text), 'insert-' || :client_id, nextval('baseline_sequence'), 'Campaign',
       now()::text, 'com.campaignledger.campaign.api.CallResultRecordedEvent', NULL,
       convert_to(repeat('{"campaignId":1,"callId":"c-1-1","number":"+12122000001","result":"BUSY"}', 4), 'UTF8'),
       convert_to('{"accountId":"default","actor":"bench","correlationId":"5b0c7f9e-8f1d-4b7e-9d55-2f6d4c3a1b20"}', 'UTF8');
