-- Custom SQL migration file, put your code below! --
-- The collaboration server's group commit in ONE statement (docs/decisions/0007): an update is
-- broadcast only after its row is committed, so every round trip of the commit is latency every
-- collaborator sees. The steps are those of ADR 0006, each statement with its own snapshot (a
-- VOLATILE plpgsql function): take each document's content lock shared, in hash order; read which
-- documents' status locks content (approval committed while we waited is seen); insert the other
-- rows in their order. Called in autocommit, the statement's end is the commit. The lock
-- namespace and the locked statuses are parameters so that they stay defined once, in TypeScript.
CREATE FUNCTION "collab_append_updates"(
  "lock_namespace" integer,
  "locked_statuses" text[],
  "document_ids" text[],
  "updates" bytea[]
) RETURNS text[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  refused text[];
BEGIN
  IF cardinality(document_ids) IS DISTINCT FROM cardinality(updates) THEN
    RAISE EXCEPTION 'collab_append_updates: % document ids for % updates', cardinality(document_ids), cardinality(updates)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock_shared(lock_namespace, keys.h)
    FROM (SELECT DISTINCT hashtext(id) AS h FROM unnest(document_ids) AS id ORDER BY h) AS keys;
  SELECT coalesce(array_agg(d.id), '{}') INTO refused
    FROM documents d
    WHERE d.id = ANY (document_ids) AND d.status::text = ANY (locked_statuses);
  INSERT INTO collab_updates (document_id, "update")
    SELECT rows.document_id, rows.update
      FROM unnest(document_ids, updates) WITH ORDINALITY AS rows(document_id, update, position)
      WHERE NOT (rows.document_id = ANY (refused))
      ORDER BY rows.position;
  RETURN refused;
END;
$$;
