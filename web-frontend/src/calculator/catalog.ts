import { api } from '../api';
import { makeCatalog, type Catalog, type CatalogProgram } from './results';

let loading: Promise<Catalog> | null = null;

/** Program, agency and document names from `GET /api/v1/programs`, loaded once; codes if it fails. */
export function loadCatalog(): Promise<Catalog> {
  loading ??= api
    .get<CatalogProgram[]>('/api/v1/programs', { anonymous: true })
    .then((programs) => makeCatalog(Array.isArray(programs) ? programs : []))
    .catch(() => {
      loading = null;
      return makeCatalog([]);
    });
  return loading;
}
