// One relation as a catalog reader returns it, before the migrations say anything about it.
import type { InventoryTable } from '../../src-shared/model/inventory';

export type CatalogRelation = Omit<InventoryTable, 'status' | 'createdBy' | 'conflictWith'>;
