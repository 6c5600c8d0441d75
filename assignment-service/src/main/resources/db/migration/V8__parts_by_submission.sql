-- A submission's parts are looked up by the submission alone on every workflow step (Parts.live) and in the
-- views; the indexes that start with submission_id are partial (live parts, precedents), so that lookup read the
-- whole table: the 30-minute soak (deploy/benchmarks, SoakBenchmark) counted 327,385 full scans of it reading
-- 982 million rows by its 22nd minute.
create index assignment_submission on assignment (submission_id);
