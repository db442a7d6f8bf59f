import { common } from './common';

export interface Catalog {
  da: Record<string, string>;
  en: Record<string, string>;
}

/** Add each area's catalog here. */
export const catalogs: Catalog[] = [common];
