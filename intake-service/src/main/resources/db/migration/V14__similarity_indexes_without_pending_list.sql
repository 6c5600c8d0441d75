-- Similar items at registration (issue 15): the GIN indexes on the bigram codes are written through, not queued.
-- By default a GIN index collects new entries in a pending list (up to 4 MB) that every search reads in full until
-- a vacuum merges it; each registration adds a hundred entries and runs one search, so the searches paid for it:
-- with 460 pending pages the body probe took 9.9 ms, after the merge 2.0 ms (20,000 items, PostgreSQL 17). Written
-- through, an insert costs about 0.5 ms more.
alter index submission_title_codes set (fastupdate = off);
alter index submission_body_codes set (fastupdate = off);
select gin_clean_pending_list('submission_title_codes'), gin_clean_pending_list('submission_body_codes');
