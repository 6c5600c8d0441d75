-- A unit's deadlines, soonest due first, are what a unit opens every day (GET /deadlines?unitId=): without this
-- index every such list read the whole table (found in the 30-minute soak, deploy/benchmarks SoakBenchmark).
create index deadline_unit_due on deadline (unit_id, due_at);
