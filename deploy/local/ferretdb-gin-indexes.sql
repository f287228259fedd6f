-- GIN indexes for FerretDB 1.24 on PostgreSQL, made automatically. Installed by start.sh
-- into the `ferretdb` database on every start (idempotent); see docs/local-infrastructure.md.
--
-- Why: FerretDB stores each document as one jsonb column `_jsonb` in a table per collection
-- (a schema per Mongo database) and pushes top-level equality down as
-- `_jsonb->'field' @> value`. The indexes it creates for `createIndex` (and for `_id`) are
-- btree indexes on `(_jsonb->'field')`, which cannot serve `@>`; a GIN index on the same
-- expression with jsonb_path_ops can. So an event trigger adds, for every FerretDB table, a
-- GIN index on `_id`, and for every top-level key of every btree index FerretDB creates, a GIN
-- index on that key, one per key however many indexes share it. Dotted keys (`a.b`) get
-- none: FerretDB 1.24 does not push a filter on them down (its explain says
-- `filterPushdown: false`), so an index there would only cost writes. FerretDB does not know
-- about these indexes (listIndexes does not show them); they go when the collection is
-- dropped. No service code knows about any of this.

-- A FerretDB collection table: a `_jsonb` column in a schema holding FerretDB's metadata
-- table, and not that metadata table itself.
CREATE OR REPLACE FUNCTION public.kith_gin_is_ferretdb_table(tbl oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '_jsonb' AND a.atttypid = 'jsonb'::regtype
    WHERE c.oid = tbl AND c.relkind = 'r'
      AND c.relname NOT LIKE '\_ferretdb\_%' AND n.nspname NOT LIKE 'pg\_%'
      AND EXISTS (SELECT 1 FROM pg_class m
                  WHERE m.relnamespace = n.oid AND m.relname = '_ferretdb_database_metadata'))
$$;

-- The document path an index expression reads, from pg_get_indexdef's text of one key:
-- `(_jsonb -> 'tenantId'::text)` is {tenantId}, `((_jsonb -> 'a'::text) -> 'b'::text)` is
-- {a,b}; anything else (not a chain of `->` on `_jsonb`) is NULL.
CREATE OR REPLACE FUNCTION public.kith_gin_key_path(expr text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  lit constant text := '''((?:[^'']|'''')*)''::text';
  path text[];
BEGIN
  IF regexp_replace(expr, '->\s*' || lit || '|[() ]', '', 'g') <> '_jsonb' THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(replace(t.m[1], '''''', '''') ORDER BY t.n) INTO path
  FROM regexp_matches(expr, lit, 'g') WITH ORDINALITY AS t(m, n);
  RETURN path;
END
$$;

-- One GIN index per table and key, on the expression FerretDB's pushdown uses; its name
-- comes from the expression, so a second request for the same key is a no-op.
CREATE OR REPLACE FUNCTION public.kith_gin_ensure(tbl oid, key text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  expr constant text := format('(_jsonb -> %L)', key);
  schema_name text;
  table_name text;
BEGIN
  SELECT n.nspname, c.relname INTO schema_name, table_name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s jsonb_path_ops)',
    left(table_name, 40) || '_' || left(md5(expr), 12) || '_gin', schema_name, table_name, expr);
END
$$;

CREATE OR REPLACE FUNCTION public.kith_gin_for_table(tbl oid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF public.kith_gin_is_ferretdb_table(tbl) THEN
    PERFORM public.kith_gin_ensure(tbl, '_id');
  END IF;
END
$$;

-- Each top-level key of a btree index FerretDB made; GIN indexes (ours included) are left
-- alone, which also ends the recursion of our own CREATE INDEX through this trigger.
CREATE OR REPLACE FUNCTION public.kith_gin_for_index(idx oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  i record;
  path text[];
BEGIN
  SELECT x.indrelid, x.indnkeyatts, am.amname INTO i
  FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am am ON am.oid = c.relam
  WHERE x.indexrelid = idx;
  IF i.amname IS DISTINCT FROM 'btree' OR NOT public.kith_gin_is_ferretdb_table(i.indrelid) THEN
    RETURN;
  END IF;
  FOR k IN 1..i.indnkeyatts LOOP
    path := public.kith_gin_key_path(pg_get_indexdef(idx, k, true));
    IF cardinality(path) = 1 THEN
      PERFORM public.kith_gin_ensure(i.indrelid, path[1]);
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION public.kith_gin_on_ddl() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF cmd.command_tag = 'CREATE TABLE' AND cmd.object_type = 'table' THEN
      PERFORM public.kith_gin_for_table(cmd.objid);
    ELSIF cmd.command_tag = 'CREATE INDEX' AND cmd.object_type = 'index' THEN
      PERFORM public.kith_gin_for_index(cmd.objid);
    END IF;
  END LOOP;
END
$$;

DROP EVENT TRIGGER IF EXISTS kith_gin_indexes;
CREATE EVENT TRIGGER kith_gin_indexes ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE INDEX')
  EXECUTE FUNCTION public.kith_gin_on_ddl();

-- Tables and indexes FerretDB made before this was installed (or while it was not).
SELECT public.kith_gin_for_table(c.oid)
FROM pg_class c WHERE c.relkind = 'r' AND public.kith_gin_is_ferretdb_table(c.oid);
SELECT public.kith_gin_for_index(x.indexrelid)
FROM pg_index x WHERE public.kith_gin_is_ferretdb_table(x.indrelid);
