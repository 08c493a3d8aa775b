-- A number taken off the call list before its final result (NumberRemovedEvent): kept, never dialled again.
ALTER TABLE dialer_number ADD COLUMN removed BOOLEAN DEFAULT FALSE NOT NULL;
