-- A reply's commitments are read by the reply (its view, its letter, the B-class check when it is submitted); the
-- only index was by submission, so each of those reads scanned the whole table: the 30-minute soak
-- (deploy/benchmarks, SoakBenchmark) counted 24,815 full scans of it by its 22nd minute.
create index commitment_reply on commitment (reply_id);
