// Comments (COMMENT ON) of the objects in the model, in one query of pg_description.
import type { CatalogRow } from './foundObject';

export interface CatalogComment extends CatalogRow {
  ref: string;
  text: string;
  literal: string;
}

// The server's own objects (below FirstNormalObjectId) carry thousands of comments that are not the user's.
export const commentsSql = `
SELECT d.classoid || ':' || d.objoid || CASE WHEN d.objsubid <> 0 THEN ':' || d.objsubid ELSE '' END AS ref,
       d.description AS text, quote_literal(d.description) AS literal
  FROM pg_description d
 WHERE d.objoid >= 16384`;
