import { sql, type ColumnDataType, type RawBuilder } from 'kysely';

type DataTypeExpression = ColumnDataType;

/**
 * Column types that differ between the engines, given to every migration. Part of the frozen migration contract:
 * a later migration may add new entries here, never change an existing one.
 */
export interface ColumnTypes {
  dialect: 'sqlite' | 'postgres';
  id: DataTypeExpression;
  ts: DataTypeExpression;
  bool: DataTypeExpression;
  json: DataTypeExpression;
  false: RawBuilder<unknown>;
  true: RawBuilder<unknown>;
}

export function columnTypes(dialect: 'sqlite' | 'postgres'): ColumnTypes {
  return dialect === 'postgres'
    ? { dialect, id: 'uuid', ts: 'timestamptz', bool: 'boolean', json: 'jsonb', false: sql`false`, true: sql`true` }
    : { dialect, id: 'text', ts: 'text', bool: 'integer', json: 'text', false: sql`0`, true: sql`1` };
}
